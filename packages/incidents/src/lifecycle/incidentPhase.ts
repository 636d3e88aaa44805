import { ConflictError, type IncidentStatus } from '@opspilot/core';

/**
 * The lifecycle as people say it, over the stored seed-004 statuses: OPEN (DETECTED), ACKNOWLEDGED (INVESTIGATING),
 * MITIGATED (MITIGATING), RESOLVED, CLOSED.
 */
export const PHASE_OF: Record<IncidentStatus, string> = {
  DETECTED: 'OPEN',
  INVESTIGATING: 'ACKNOWLEDGED',
  MITIGATING: 'MITIGATED',
  RESOLVED: 'RESOLVED',
  CLOSED: 'CLOSED',
};

/** Which status may follow which: forward through the lifecycle, RESOLVED back to work when the problem returns. */
const NEXT: Record<IncidentStatus, IncidentStatus[]> = {
  DETECTED: ['INVESTIGATING', 'MITIGATING', 'RESOLVED'],
  INVESTIGATING: ['MITIGATING', 'RESOLVED'],
  MITIGATING: ['INVESTIGATING', 'RESOLVED'],
  RESOLVED: ['DETECTED', 'INVESTIGATING', 'CLOSED'],
  CLOSED: [],
};

/** Whether an incident may move from `from` to `to`. */
export function canMove(from: IncidentStatus, to: IncidentStatus): boolean {
  return NEXT[from].includes(to);
}

/** Throws a ConflictError naming the allowed moves when `from` → `to` is not one. */
export function assertMove(id: string, from: IncidentStatus, to: IncidentStatus): void {
  if (canMove(from, to)) return;
  const allowed = NEXT[from].map((s) => PHASE_OF[s].toLowerCase());
  throw new ConflictError(`incident ${id} is ${PHASE_OF[from]} and cannot become ${PHASE_OF[to]}`, {
    hint: allowed.length ? `from ${PHASE_OF[from]} it can be: ${allowed.join(', ')}` : 'a closed incident stays closed',
  });
}

/** Whether an incident is still being worked on (not RESOLVED or CLOSED). */
export function isActive(status: IncidentStatus): boolean {
  return status !== 'RESOLVED' && status !== 'CLOSED';
}
