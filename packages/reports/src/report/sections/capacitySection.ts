import { linearTrend } from '../linearTrend.js';
import type { ReportSection } from '../reportDocument.js';
import type { CapacitySeries } from '../reportSources.js';

const DAY = 86_400_000;
type Point = { at: string; cpu: number; memory_gib: number };
type Resource = 'cpu' | 'memory_gib';

/** When a linear trend of `points` (x in days) reaches `limit`, in days from the last point; undefined if never. */
function daysUntil(points: { x: number; y: number }[], limit: number): number | undefined {
  const { slope, intercept } = linearTrend(points);
  const last = points.at(-1);
  if (!last || slope <= 0) return undefined;
  const at = (limit - intercept) / slope;
  return Math.max(0, Math.ceil(at - last.x));
}

const pct = (value: number, of: number) => (of ? Math.round((value / of) * 100) : 0);

/** The trend of one series of one resource against allocatable: its table row, summary line and chart lines. */
function trendOf(series: Point[], res: Resource, alloc: number, horizonDays: number, what: 'requests' | 'usage') {
  const unit = res === 'cpu' ? 'cores' : 'GiB';
  const label = `${res === 'cpu' ? 'CPU' : 'Memory'}${what === 'usage' ? ' usage' : ''}`;
  const t0 = series[0] ? Date.parse(series[0].at) : 0;
  const known = new Set(series.map((r) => r.at)).size >= 2;
  const points = series.map((r) => ({ x: (Date.parse(r.at) - t0) / DAY, y: r[res] }));
  const { slope, intercept } = linearTrend(points);
  const lastX = points.at(-1)?.x ?? 0;
  const now = series.at(-1)?.[res] ?? 0;
  const forecastEnd = Math.max(0, intercept + slope * (lastX + horizonDays));
  const at80 = daysUntil(points, alloc * 0.8);
  const at100 = daysUntil(points, alloc);
  const reach = (limit: number, at: number | undefined) =>
    now >= limit ? 'already' : !known ? 'unknown' : at === undefined ? 'not at this pace' : `in ${at} d`;
  const row = [
    label,
    `${alloc.toFixed(1)} ${unit}`,
    `${now.toFixed(1)} ${unit} (${pct(now, alloc)} %)`,
    known ? `${slope >= 0 ? '+' : ''}${(slope * 7).toFixed(2)} ${unit}/week` : 'unknown',
    known ? `${forecastEnd.toFixed(1)} ${unit} (${pct(forecastEnd, alloc)} %)` : 'unknown',
    reach(alloc * 0.8, at80),
    reach(alloc, at100),
  ];
  const subject = what === 'usage' ? `${label.replace(' usage', '')}: usage is` : `${label}: requests are`;
  const summary = `${subject} ${pct(now, alloc)} % of allocatable${
    !known
      ? `; the trend is unknown (no history: only the ${what} now)`
      : at100 !== undefined && now < alloc
        ? ` and reach${what === 'usage' ? 'es' : ''} it in about ${at100} days at the current pace`
        : at100 === undefined
          ? ` and ${what === 'usage' ? 'is' : 'are'} not growing`
          : ''
  }.`;
  const lastDate = series.at(-1)?.at ?? new Date(t0).toISOString();
  const forecast = [0, horizonDays].map((d) => ({
    x: new Date(Date.parse(lastDate) + d * DAY).toISOString().slice(0, 10),
    y: Math.max(0, intercept + slope * (lastX + d)),
  }));
  const lines = [
    { name: what, points: series.map((r) => ({ x: r.at.slice(0, 10), y: r[res] })) },
    ...(known ? [{ name: `${what} forecast`, dashed: true, points: forecast }] : []),
  ];
  return { row, summary, lines, end: forecast[1]?.x as string };
}

/**
 * The capacity plan: CPU and memory requests (and usage, when its history was read) against allocatable, their
 * linear trend over the period, a forecast of `horizonDays` beyond it (dashed), and when they reach 80 % and 100 %
 * of allocatable at that pace. With a single point (no history) the trend says unknown: no forecast is drawn.
 */
export function capacitySection(
  capacity: CapacitySeries,
  horizonDays = 30,
): Omit<ReportSection, 'id' | 'source' | 'status'> {
  const sorted = (s: Point[] | undefined) => [...(s ?? [])].sort((a, b) => a.at.localeCompare(b.at));
  const req = sorted(capacity.requests);
  const usage = sorted(capacity.usage);
  const rows: string[][] = [];
  const summary: string[] = [];
  const metrics: { label: string; value: string }[] = [];
  const charts = (['cpu', 'memory_gib'] as const).map((res) => {
    const alloc = capacity.allocatable[res];
    const requests = trendOf(req, res, alloc, horizonDays, 'requests');
    rows.push(requests.row);
    summary.push(requests.summary);
    metrics.push({ label: `${requests.row[0]} requested`, value: requests.row[2] as string });
    const used = usage.length > 0 ? trendOf(usage, res, alloc, horizonDays, 'usage') : undefined;
    if (used) {
      rows.push(used.row);
      summary.push(used.summary);
      metrics.push({ label: `${res === 'cpu' ? 'CPU' : 'Memory'} used`, value: used.row[2] as string });
    }
    const first = [req[0]?.at, usage[0]?.at].filter(Boolean).sort()[0]?.slice(0, 10) ?? requests.end;
    const label = res === 'cpu' ? 'CPU' : 'Memory';
    return {
      kind: 'LINE' as const,
      title: `${label} requests${used ? ' and usage' : ''} vs allocatable`,
      unit: res === 'cpu' ? 'cores' : 'GiB',
      series: [
        ...requests.lines,
        ...(used?.lines ?? []),
        {
          name: 'allocatable',
          points: [
            { x: first, y: alloc },
            { x: requests.end, y: alloc },
          ],
        },
      ],
    };
  });
  if (capacity.history_note) summary.push(capacity.history_note);
  return {
    title: 'Capacity plan',
    summary,
    metrics,
    tables: [
      {
        columns: ['Resource', 'Allocatable', 'Now', 'Trend', `In ${horizonDays} d`, '80 % reached', '100 % reached'],
        rows,
      },
    ],
    charts,
  };
}
