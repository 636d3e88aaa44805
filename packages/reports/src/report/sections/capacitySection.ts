import { linearTrend } from '../linearTrend.js';
import type { ReportSection } from '../reportDocument.js';
import type { CapacitySeries } from '../reportSources.js';

const DAY = 86_400_000;

/** When a linear trend of `values` (per day) reaches `limit`, in days from the last point; undefined if never. */
function daysUntil(points: { x: number; y: number }[], limit: number): number | undefined {
  const { slope, intercept } = linearTrend(points);
  const last = points.at(-1);
  if (!last || slope <= 0) return undefined;
  const at = (limit - intercept) / slope;
  return Math.max(0, Math.ceil(at - last.x));
}

/**
 * The capacity plan: CPU and memory requests against allocatable, their linear trend over the period, a forecast
 * of `horizonDays` beyond it (dashed), and when requests reach 80 % and 100 % of allocatable at that pace.
 */
export function capacitySection(
  capacity: CapacitySeries,
  horizonDays = 30,
): Omit<ReportSection, 'id' | 'source' | 'status'> {
  const req = [...capacity.requests].sort((a, b) => a.at.localeCompare(b.at));
  const t0 = req[0] ? Date.parse(req[0].at) : 0;
  const trendKnown = new Set(req.map((r) => r.at)).size >= 2;
  const rows: string[][] = [];
  const summary: string[] = [];
  const charts = (['cpu', 'memory_gib'] as const).map((res) => {
    const label = res === 'cpu' ? 'CPU' : 'Memory';
    const unit = res === 'cpu' ? 'cores' : 'GiB';
    const alloc = capacity.allocatable[res];
    const points = req.map((r) => ({ x: (Date.parse(r.at) - t0) / DAY, y: r[res] }));
    const { slope, intercept } = linearTrend(points);
    const lastX = points.at(-1)?.x ?? 0;
    const now = req.at(-1)?.[res] ?? 0;
    const forecastEnd = Math.max(0, intercept + slope * (lastX + horizonDays));
    const at80 = daysUntil(points, alloc * 0.8);
    const at100 = daysUntil(points, alloc);
    rows.push([
      label,
      `${alloc.toFixed(1)} ${unit}`,
      `${now.toFixed(1)} ${unit} (${alloc ? Math.round((now / alloc) * 100) : 0} %)`,
      `${slope >= 0 ? '+' : ''}${(slope * 7).toFixed(2)} ${unit}/week`,
      trendKnown
        ? `${forecastEnd.toFixed(1)} ${unit} (${alloc ? Math.round((forecastEnd / alloc) * 100) : 0} %)`
        : 'unknown',
      now >= alloc * 0.8
        ? 'already'
        : !trendKnown
          ? 'unknown'
          : at80 === undefined
            ? 'not at this pace'
            : `in ${at80} d`,
      now >= alloc ? 'already' : !trendKnown ? 'unknown' : at100 === undefined ? 'not at this pace' : `in ${at100} d`,
    ]);
    summary.push(
      `${label}: requests are ${alloc ? Math.round((now / alloc) * 100) : 0} % of allocatable${
        !trendKnown
          ? '; the trend is unknown (one sample: the requests now)'
          : at100 !== undefined && now < alloc
            ? ` and reach it in about ${at100} days at the current pace`
            : at100 === undefined
              ? ' and are not growing'
              : ''
      }.`,
    );
    const lastDate = req.at(-1)?.at ?? new Date(t0).toISOString();
    const future = [0, horizonDays].map((d) => ({
      x: new Date(Date.parse(lastDate) + d * DAY).toISOString().slice(0, 10),
      y: Math.max(0, intercept + slope * (lastX + d)),
    }));
    const dates = [...req.map((r) => r.at.slice(0, 10)), future[1]?.x as string];
    return {
      kind: 'LINE' as const,
      title: `${label} requests vs allocatable`,
      unit,
      series: [
        { name: 'requests', points: req.map((r) => ({ x: r.at.slice(0, 10), y: r[res] })) },
        ...(trendKnown ? [{ name: 'forecast', dashed: true, points: future }] : []),
        {
          name: 'allocatable',
          points: [
            { x: dates[0] as string, y: alloc },
            { x: dates.at(-1) as string, y: alloc },
          ],
        },
      ],
    };
  });
  return {
    title: 'Capacity plan',
    summary,
    metrics: rows.map((r) => ({ label: `${r[0]} requested`, value: r[2] as string })),
    tables: [
      {
        columns: [
          'Resource',
          'Allocatable',
          'Requested now',
          'Trend',
          `In ${horizonDays} d`,
          '80 % reached',
          '100 % reached',
        ],
        rows,
      },
    ],
    charts,
  };
}
