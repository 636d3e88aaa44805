/** Steps of kubectl's human durations: below `under` seconds, print with `print`. */
const STEPS: { under: number; print: (s: number) => string }[] = [
  { under: 120, print: (s) => `${s}s` },
  { under: 600, print: (s) => pair(Math.floor(s / 60), 'm', s % 60, 's') },
  { under: 3 * 3600, print: (s) => `${Math.floor(s / 60)}m` },
  { under: 8 * 3600, print: (s) => pair(Math.floor(s / 3600), 'h', Math.floor(s / 60) % 60, 'm') },
  { under: 48 * 3600, print: (s) => `${Math.floor(s / 3600)}h` },
  { under: 8 * 86_400, print: (s) => pair(Math.floor(s / 86_400), 'd', Math.floor(s / 3600) % 24, 'h') },
  { under: 2 * 365 * 86_400, print: (s) => `${Math.floor(s / 86_400)}d` },
  { under: 8 * 365 * 86_400, print: (s) => pair(Math.floor(s / 86_400 / 365), 'y', Math.floor(s / 86_400) % 365, 'd') },
];

function pair(major: number, majorUnit: string, minor: number, minorUnit: string): string {
  return minor === 0 ? `${major}${majorUnit}` : `${major}${majorUnit}${minor}${minorUnit}`;
}

/**
 * The age of a timestamp as `kubectl get` prints it (`45s`, `5m30s`, `3h`, `2d4h`, `400d`, `3y20d`), following
 * apimachinery's HumanDuration; `<unknown>` without a timestamp.
 * @see https://kubernetes.io/docs/reference/kubectl/generated/kubectl_get/
 */
export function kubectlAge(timestamp: string | undefined, now: Date): string {
  const at = timestamp ? Date.parse(timestamp) : Number.NaN;
  if (Number.isNaN(at)) return '<unknown>';
  const seconds = Math.floor((now.getTime() - at) / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  const step = STEPS.find((s) => seconds < s.under);
  return step ? step.print(seconds) : `${Math.floor(seconds / 86_400 / 365)}y`;
}
