import { analyzeSnapshot, snapshotForAnalysis } from '@opspilot/analyzers';
import type { ClusterGateway, Finding } from '@opspilot/core';

/**
 * Every finding of the built-in analyzers on the cluster now (root causes and their symptoms), in a namespace or
 * all of them: what `opspilot fix`, the Fix button and healing rules look for a finding in.
 */
export async function currentFindings(
  gateway: ClusterGateway,
  now: Date,
  options: { namespace?: string; signal?: AbortSignal } = {},
): Promise<Finding[]> {
  const snapshot = await snapshotForAnalysis(gateway, options);
  const { groups } = analyzeSnapshot(snapshot, { now, ...(options.namespace ? { namespace: options.namespace } : {}) });
  return groups.flatMap((g) => [g.rootCause, ...g.symptoms]);
}
