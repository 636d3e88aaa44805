const SUFFIX: Record<string, number> = {
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  m: 1e-3,
};

/**
 * The value of a Kubernetes quantity (`20Gi`, `500M`, `250m`) as a number of base units; NaN when unreadable.
 * @see https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/quantity/
 */
export function quantityBytes(quantity: string): number {
  const m = quantity.trim().match(/^(\d+(?:\.\d+)?)([a-zA-Z]*)$/);
  const factor = m ? SUFFIX[m[2] ?? ''] : undefined;
  return m && factor !== undefined ? Number(m[1]) * factor : Number.NaN;
}
