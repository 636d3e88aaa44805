import type { Incident } from '@opspilot/core';
import { Badge } from '../../components/Badge.js';

/**
 * "recurring ×N" beside an incident whose cause was seen before, resolved, and is seen again: N is how many incidents
 * the cause has had, this one included. Nothing for an incident that is the first of its cause.
 */
export function RecurringBadge({ incident }: { incident: Pick<Incident, 'recurring' | 'occurrences'> }) {
  if (!incident.recurring) return null;
  return (
    <span title="the same cause was seen before, resolved, and is seen again">
      <Badge tone="warn">recurring ×{incident.occurrences ?? 2}</Badge>
    </span>
  );
}
