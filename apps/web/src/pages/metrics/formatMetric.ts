/** A value in its unit as people read it: `1.2 GiB`, `250m` cores, `4.1 %`, `3.2/s`. */
export function formatMetric(value: number, unit: string | undefined): string {
  if (!Number.isFinite(value)) return String(value);
  switch (unit) {
    case 'bytes': {
      const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
      let n = value;
      let i = 0;
      while (Math.abs(n) >= 1024 && i < units.length - 1) {
        n /= 1024;
        i++;
      }
      return `${n.toFixed(i === 0 ? 0 : 1)} ${units[i]}`;
    }
    case 'cores':
      return `${Math.round(value * 1000)}m`;
    case 'ratio':
      return `${(value * 100).toFixed(1)} %`;
    case 'per_second':
      return `${value.toFixed(2)}/s`;
    default:
      return Math.abs(value) >= 1000 || Number.isInteger(value) ? value.toFixed(0) : value.toPrecision(3);
  }
}

/** A series' label: its labels but `__name__`, `k=v` joined, with the cluster first when there are several. */
export function seriesLabel(metric: Record<string, string>, cluster?: string): string {
  const labels = Object.entries(metric)
    .filter(([k]) => k !== '__name__')
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
  return [cluster, labels || metric.__name__ || 'value'].filter(Boolean).join(' · ');
}
