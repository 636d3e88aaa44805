import { imagePullPreviousImage } from './catalogue/imagePullPreviousImage.js';
import { nodeAffinityFix } from './catalogue/nodeAffinityFix.js';
import { nodeSelectorFix } from './catalogue/nodeSelectorFix.js';
import { oomRaiseMemoryLimit } from './catalogue/oomRaiseMemoryLimit.js';
import { podAffinityFix } from './catalogue/podAffinityFix.js';
import { probeFixTarget } from './catalogue/probeFixTarget.js';
import { rbacGrantClusterRule } from './catalogue/rbacGrantClusterRule.js';
import { rbacGrantDenied } from './catalogue/rbacGrantDenied.js';
import { restoreLastWorkingRevision } from './catalogue/restoreLastWorkingRevision.js';
import { serviceSelectorFix } from './catalogue/serviceSelectorFix.js';
import { storageClassCreate } from './catalogue/storageClassCreate.js';
import { taintToleration } from './catalogue/taintToleration.js';
import type { Remediation } from './remediation.js';

/** The built-in remediation catalogue, one file per remediation under `catalogue/`. */
export const BUILTIN_REMEDIATIONS: readonly Remediation[] = [
  imagePullPreviousImage,
  restoreLastWorkingRevision,
  oomRaiseMemoryLimit,
  probeFixTarget,
  serviceSelectorFix,
  nodeSelectorFix,
  nodeAffinityFix,
  podAffinityFix,
  taintToleration,
  storageClassCreate,
  rbacGrantDenied,
  rbacGrantClusterRule,
];

/** The remediation with this id; undefined when the catalogue has none. */
export function remediationById(id: string, catalogue: readonly Remediation[] = BUILTIN_REMEDIATIONS) {
  return catalogue.find((r) => r.id === id);
}

/** The finding classes (analyzer ids) the catalogue has a remediation for. */
export function remediableClasses(catalogue: readonly Remediation[] = BUILTIN_REMEDIATIONS): string[] {
  return [...new Set(catalogue.flatMap((r) => r.findingClasses))].sort();
}
