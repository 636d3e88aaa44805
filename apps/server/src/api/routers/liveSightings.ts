import type { Finding } from '@opspilot/core';
import type { ClusterWatch } from '@opspilot/fleet';
import { z } from 'zod';

/** When a live problem's cause was first and last seen, in how many analysis runs, on how many objects. */
export const LiveSightingOutput = z.object({
  /** The problem's root finding (its `id` in the findings listed beside). */
  finding_id: z.string(),
  identity: z.string(),
  first_seen: z.string(),
  last_seen: z.string(),
  /** Analysis runs that saw the cause (stored `finding_sightings`), the live one included. */
  runs: z.number().int().positive(),
  count: z.number().int().nonnegative(),
});

/** The sightings of those of `findings` that are problems' root causes, in their order. */
export function liveSightingsOf(watch: ClusterWatch, findings: readonly Finding[]) {
  const seen = watch.sightings();
  return findings.flatMap((f) => {
    const s = seen.get(f.id);
    return s ? [{ finding_id: f.id, ...s }] : [];
  });
}
