const SUFFIX: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  K: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/**
 * The value of a Kubernetes quantity (`100m` → 0.1, `128Mi` → 134217728, `1e3` → 1000), or undefined when it is
 * not one.
 * @see https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/quantity/
 */
export function parseQuantity(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return undefined;
  const match = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)([numkKMGTPE]i?)?$/.exec(value.trim());
  if (!match) return undefined;
  const factor = SUFFIX[match[2] ?? ''];
  return factor === undefined ? undefined : Number(match[1]) * factor;
}

/** Bytes as a binary-suffixed quantity rounded up to whole MiB (`268435456` → `256Mi`, `2Gi` when exact). */
export function formatMemory(bytes: number): string {
  const mi = Math.ceil(bytes / 2 ** 20);
  return mi % 1024 === 0 ? `${mi / 1024}Gi` : `${mi}Mi`;
}

/** A quantity of the same kind scaled by `factor`, written as plainly as possible (memory in Mi/Gi, CPU in m). */
export function scaleQuantity(resource: string, value: string, factor: number): string {
  const parsed = parseQuantity(value);
  if (parsed === undefined) return value;
  const scaled = parsed * factor;
  if (resource.includes('memory') || resource.includes('storage')) return formatMemory(scaled);
  if (resource.includes('cpu')) return Number.isInteger(scaled) ? String(scaled) : `${Math.ceil(scaled * 1000)}m`;
  return String(Math.ceil(scaled));
}
