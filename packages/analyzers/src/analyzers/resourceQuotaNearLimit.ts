import { defineAnalyzer, type Finding } from '@opspilot/core';
import { DOCS } from '../docsUrls.js';
import { fieldEvidence, findingOf } from '../findingOf.js';
import { nameOf } from '../podHelpers.js';
import { parseQuantity, scaleQuantity } from '../quantity.js';
import { indexSnapshot } from '../snapshotIndex.js';
import { patchCommand } from '../workloads.js';

const ID = 'resourcequota-near-limit';
/** Share of a quota in use from which it is reported. */
export const QUOTA_WARNING_RATIO = 0.9;

/**
 * ResourceQuotas used up (new pods, claims or objects of that resource are refused with `exceeded quota`) or
 * above 90%. The fix raises the exhausted limit by half.
 * @see https://kubernetes.io/docs/concepts/policy/resource-quotas/
 */
export const resourceQuotaNearLimit = defineAnalyzer({
  id: ID,
  kinds: ['ResourceQuota'],
  description: 'ResourceQuotas exhausted or near their limit',
  analyze(snapshot) {
    const findings: Finding[] = [];
    for (const quota of indexSnapshot(snapshot).of('ResourceQuota')) {
      const status = (quota.status ?? {}) as { hard?: Record<string, string>; used?: Record<string, string> };
      for (const [resource, hardText] of Object.entries(status.hard ?? {})) {
        const hard = parseQuantity(hardText);
        const used = parseQuantity(status.used?.[resource] ?? '0');
        if (hard === undefined || used === undefined) continue;
        const ratio = hard === 0 ? (used > 0 ? 1 : 0) : used / hard;
        if (ratio < QUOTA_WARNING_RATIO || (hard === 0 && used === 0)) continue;
        const exhausted = ratio >= 1;
        const raised = hard === 0 ? '1' : scaleQuantity(resource, hardText, 1.5);
        const body = { spec: { hard: { [resource]: raised } } };
        findings.push(
          findingOf({
            analyzer: ID,
            severity: exhausted ? 'HIGH' : 'MEDIUM',
            object: quota,
            key: resource,
            message: `ResourceQuota ${nameOf(quota)} ${exhausted ? 'is exhausted' : 'is nearly exhausted'} for ${resource}: ${status.used?.[resource] ?? '0'} of ${hardText} used (${Math.round(ratio * 100)}%)${exhausted ? '; new objects needing it are refused' : ''}`,
            evidence: [
              fieldEvidence(quota, `status.used["${resource}"]`, `${status.used?.[resource] ?? '0'} / ${hardText}`),
            ],
            proposedFix: {
              description: `Raise the ${resource} limit to ${raised}, or free some of it`,
              patch: { type: 'merge', body },
              command: patchCommand(quota, 'merge', body),
            },
            docsUrl: DOCS.resourceQuotas,
          }),
        );
      }
    }
    return findings;
  },
});
