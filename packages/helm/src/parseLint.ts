import type { ChartLintMessage } from '@opspilot/core';

/**
 * Reads the `[ERROR] templates/x.yaml: message` lines of `helm lint` output.
 * @see https://helm.sh/docs/helm/helm_lint/
 */
export function parseLint(output: string): ChartLintMessage[] {
  const out: ChartLintMessage[] = [];
  for (const line of output.split('\n')) {
    const m = /^\[(ERROR|WARNING|INFO)\]\s+(?:([^:\s]+):\s+)?(.*)$/.exec(line.trim());
    if (!m?.[3]) continue;
    const severity = m[1] as ChartLintMessage['severity'];
    const path = m[2] && m[2] !== '.' ? m[2] : undefined;
    out.push({ severity, message: m[3], ...(path ? { path } : {}) });
  }
  return out;
}
