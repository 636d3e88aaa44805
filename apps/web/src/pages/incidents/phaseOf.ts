import type { IncidentStatus } from '@opspilot/core';

/** The lifecycle phase people say for a stored incident status. */
export const PHASE: Record<IncidentStatus, string> = {
  DETECTED: 'OPEN',
  INVESTIGATING: 'ACKNOWLEDGED',
  MITIGATING: 'MITIGATED',
  RESOLVED: 'RESOLVED',
  CLOSED: 'CLOSED',
};
