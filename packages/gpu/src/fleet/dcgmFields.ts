/**
 * The dcgm-exporter series a GPU view reads, by the named query (of `@opspilot/observe`) that answers each one with
 * one series per GPU.
 * @see https://github.com/NVIDIA/dcgm-exporter/blob/main/etc/default-counters.csv
 */
export const DCGM_FIELDS = {
  utilization: { query: 'gpu-utilization', metric: 'DCGM_FI_DEV_GPU_UTIL' },
  memoryUtilization: { query: 'gpu-memory-utilization', metric: 'DCGM_FI_DEV_MEM_COPY_UTIL' },
  memoryUsed: { query: 'gpu-memory-used', metric: 'DCGM_FI_DEV_FB_USED' },
  memoryFree: { query: 'gpu-memory-free', metric: 'DCGM_FI_DEV_FB_FREE' },
  temperature: { query: 'gpu-temperature', metric: 'DCGM_FI_DEV_GPU_TEMP' },
  power: { query: 'gpu-power', metric: 'DCGM_FI_DEV_POWER_USAGE' },
  powerLimit: { query: 'gpu-power-limit', metric: 'DCGM_FI_DEV_POWER_MGMT_LIMIT' },
  xid: { query: 'gpu-xid', metric: 'DCGM_FI_DEV_XID_ERRORS' },
} as const;

/** One of {@link DCGM_FIELDS}. */
export type DcgmField = keyof typeof DCGM_FIELDS;

/** The latest value of one dcgm-exporter series: its labels (`Hostname`, `gpu`, `UUID`, `modelName`, holder) and value. */
export interface DcgmSample {
  labels: Record<string, string>;
  value: number;
}

/** The latest samples of each field (a field nobody answered is missing or empty). */
export type DcgmSamples = Partial<Record<DcgmField, DcgmSample[]>>;

/**
 * Groups parsed exposition samples (`{ name, labels, value }`, e.g. of a dcgm-exporter scrape) by the field they
 * answer; other metrics are ignored.
 */
export function dcgmSamplesOf(
  series: Iterable<{ name: string; labels: Record<string, string>; value: number }>,
): DcgmSamples {
  const byMetric = new Map<string, DcgmField>(
    (Object.entries(DCGM_FIELDS) as [DcgmField, { metric: string }][]).map(([field, f]) => [f.metric, field]),
  );
  const out: DcgmSamples = {};
  for (const s of series) {
    const field = byMetric.get(s.name);
    if (!field) continue;
    const list = out[field] ?? [];
    list.push({ labels: s.labels, value: s.value });
    out[field] = list;
  }
  return out;
}
