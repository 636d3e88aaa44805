import type { Finding } from '@opspilot/core';

/** Words that ask for a repair, not a diagnosis. */
const FIX = /\b(fix|repair|heal|remediate|resolve|sort out|make .* work)\b/i;

/** Words that name a finding class, for requests that name the symptom rather than the object ("the oom pod"). */
const CLASS_WORDS: [RegExp, string[]][] = [
  [/\b(oom|oomkilled|out of memory|memory)\b/i, ['pod-oom-killed']],
  [/\b(crash|crashing|crashes|crashloop|restarting|restarts)\b/i, ['pod-crash-loop', 'pod-container-config']],
  [/\b(image|pull|tag|imagepullbackoff|errimagepull)\b/i, ['pod-image-pull']],
  [/\b(probe|readiness|liveness|not ready|unready)\b/i, ['pod-readiness-probe', 'pod-liveness-probe']],
  [/\b(pending|unschedulable|schedul\w*|node ?selector|affinity)\b/i, ['pod-unschedulable']],
  [
    /\b(selector|endpoints?|connection refused|no pods|traffic|unreachable)\b/i,
    ['service-selector-no-match', 'service-no-endpoints'],
  ],
  [/\b(storage ?class|pvc|claim|volume|disk|pending)\b/i, ['pvc-storage-class-missing', 'pvc-pending']],
  [/\b(config ?map|secret|key|env|start|starting|starts)\b/i, ['pod-container-config']],
  [/\b(forbidden|permission|permissions|rbac|denied|access)\b/i, ['pod-crash-loop']],
];

/** Whether a request asks to repair something ("fix the oom pod", "why is api crashing and fix it"). */
export function isFixRequest(text: string): boolean {
  return FIX.test(text);
}

/** The workload a pod belongs to by name (`api-7d9f8-x2x` → `api`), or the object's own name. */
export function baseName(name: string): string {
  return name.replace(/-[a-z0-9]{5,10}-[a-z0-9]{5}$/, '').replace(/-[a-z0-9]{5}$/, '');
}

/**
 * How well a finding fits a repair request: the object (or its workload) named in the request counts most, then a
 * word naming its class. 0 when nothing in the request points at it.
 */
export function fitOf(text: string, finding: Finding): number {
  const words = new Set(
    text
      .toLowerCase()
      .split(/[^a-z0-9.-]+/)
      .filter(Boolean),
  );
  const name = finding.resource.name.toLowerCase();
  let score = 0;
  if (words.has(name)) score += 10;
  else if (words.has(baseName(name))) score += 8;
  if (finding.resource.namespace && words.has(finding.resource.namespace)) score += 1;
  if (CLASS_WORDS.some(([pattern, classes]) => pattern.test(text) && classes.includes(finding.analyzer))) score += 3;
  return score;
}
