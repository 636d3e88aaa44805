import type { ReportSection } from '../reportDocument.js';
import type { CostTrend } from '../reportSources.js';

const money = (n: number, currency: string) => `${currency} ${n.toFixed(2)}`;

/** The cost trend: spend in the period, the change between its halves, and a daily line with the forecast dashed. */
export function costSection(cost: CostTrend): Omit<ReportSection, 'id' | 'source' | 'status'> {
  const total = cost.daily.reduce((a, d) => a + d.cost, 0);
  const half = Math.floor(cost.daily.length / 2);
  const first = cost.daily.slice(0, half).reduce((a, d) => a + d.cost, 0);
  const second = cost.daily.slice(cost.daily.length - half).reduce((a, d) => a + d.cost, 0);
  const change = half > 0 && first > 0 ? ((second - first) / first) * 100 : undefined;
  const forecast = (cost.forecast ?? []).reduce((a, d) => a + d.cost, 0);
  return {
    title: 'Cost trend',
    summary: [
      cost.daily.length === 0
        ? 'No cost was recorded in the period.'
        : `Spend in the period ${money(total, cost.currency)}${change === undefined ? '' : `, ${change >= 0 ? 'up' : 'down'} ${Math.abs(change).toFixed(1)} % from its first half to its second`}.`,
    ],
    metrics: [
      { label: 'Spend', value: money(total, cost.currency) },
      { label: 'Daily average', value: money(cost.daily.length ? total / cost.daily.length : 0, cost.currency) },
      { label: 'Trend', value: change === undefined ? 'n/a' : `${change >= 0 ? '+' : ''}${change.toFixed(1)} %` },
      ...(cost.forecast?.length
        ? [{ label: `Forecast (${cost.forecast.length} d)`, value: money(forecast, cost.currency) }]
        : []),
    ],
    charts: cost.daily.length
      ? [
          {
            kind: 'LINE',
            title: 'Daily cost',
            unit: cost.currency,
            series: [
              { name: 'cost', points: cost.daily.map((d) => ({ x: d.date, y: d.cost })) },
              ...(cost.forecast?.length
                ? [{ name: 'forecast', dashed: true, points: cost.forecast.map((d) => ({ x: d.date, y: d.cost })) }]
                : []),
            ],
          },
        ]
      : [],
  };
}
