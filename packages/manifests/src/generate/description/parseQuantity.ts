const MEMORY = /^(\d+(?:\.\d+)?)(ki|mi|gi|ti|k|m|g|t|kb|mb|gb|tb|kib|mib|gib|tib)$/i;
const CPU_MILLI = /^(\d+)m$/;
const CPU_CORES = /^\d+(?:\.\d+)?$/;

const MEMORY_UNITS: Record<string, string> = {
  ki: 'Ki',
  kib: 'Ki',
  mi: 'Mi',
  mib: 'Mi',
  gi: 'Gi',
  gib: 'Gi',
  ti: 'Ti',
  tib: 'Ti',
  k: 'k',
  kb: 'k',
  mb: 'M',
  g: 'G',
  gb: 'G',
  t: 'T',
  tb: 'T',
};

/**
 * A memory size as a Kubernetes quantity: `512Mi`, `1GiB` → `1Gi`, `256MB` → `256M`; undefined when `text` is not
 * a size with a unit. A bare `m` is refused here because `500m` is a CPU quantity.
 * @see https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/quantity/
 */
export function parseMemory(text: string): string | undefined {
  const m = MEMORY.exec(text);
  if (!m) return undefined;
  const unit = m[2]!.toLowerCase();
  if (unit === 'm') return undefined;
  return `${m[1]}${MEMORY_UNITS[unit]}`;
}

/** A CPU amount as a Kubernetes quantity: `250m`, `0.5` → `500m`, `2` → `2`; undefined when it is not one. */
export function parseCpu(text: string): string | undefined {
  if (CPU_MILLI.test(text)) return text;
  if (!CPU_CORES.test(text)) return undefined;
  const cores = Number(text);
  if (cores <= 0) return undefined;
  return Number.isInteger(cores) ? String(cores) : `${Math.round(cores * 1000)}m`;
}

/** Millicores of a CPU quantity produced by {@link parseCpu}. */
export function cpuMillicores(quantity: string): number {
  return quantity.endsWith('m') ? Number(quantity.slice(0, -1)) : Number(quantity) * 1000;
}
