import { HoltWinters, SeasonalProfile } from '@opspilot/anomaly';

const DAY = 86_400;

/** One day of cost: `day` is the unix second of its UTC midnight. */
export interface DailyCost {
  day: number;
  cost: number;
}

/** A forecast day with its interval. */
export interface ForecastPoint {
  day: number;
  cost: number;
  lower: number;
  upper: number;
}

export interface ForecastResult {
  points: ForecastPoint[];
  /** Sum of the forecast (and of its bounds) over the horizon. */
  total: number;
  total_lower: number;
  total_upper: number;
  /** `holt-winters-weekly` once a week of history exists, `holt-linear` before, `flat` with under 3 days. */
  method: 'holt-winters-weekly' | 'holt-linear' | 'flat';
  history_days: number;
}

export interface ForecastOptions {
  /** Days to forecast (default 30). */
  horizonDays?: number;
  /** Width of the interval in standard deviations (default 1.96, about 95 %). */
  z?: number;
  alpha?: number;
  beta?: number;
  gamma?: number;
}

/**
 * Forecasts daily cost for the next `horizonDays` with additive Holt-Winters and a weekly season (the level/trend
 * and seasonal profile of `@opspilot/anomaly`), from a daily history (missing days are skipped). The interval
 * widens with the square root of the lead time over the robust scale of one-step residuals; its lower bound is
 * never below 0.
 */
export function forecastDailyCost(history: readonly DailyCost[], options: ForecastOptions = {}): ForecastResult {
  const horizon = options.horizonDays ?? 30;
  const z = options.z ?? 1.96;
  const days = [...history].filter((d) => Number.isFinite(d.cost)).sort((a, b) => a.day - b.day);
  const last = days[days.length - 1];
  if (!last) return { points: [], total: 0, total_lower: 0, total_upper: 0, method: 'flat', history_days: 0 };
  const season = new SeasonalProfile(7 * DAY, DAY, 7, options.gamma ?? 0.3);
  const hw = new HoltWinters(options.alpha ?? 0.3, options.beta ?? 0.05, 0.2, 3);
  const mean = days.reduce((t, d) => t + d.cost, 0) / days.length;
  const floor = Math.max(1e-9, Math.abs(mean) * 0.01);
  let n = 0;
  for (const { day, cost } of days) {
    const slot = season.slotOf(day);
    if (!season.formed && season.complete(day)) hw.rebase(season.form());
    const s = season.at(slot);
    const d = cost - s;
    const forecast = hw.started ? hw.forecast() : d;
    hw.learn(d, d - forecast, floor, n < 3);
    season.learn(slot, cost, cost - hw.level);
    n++;
  }
  const method: ForecastResult['method'] =
    days.length < 3 ? 'flat' : season.formed ? 'holt-winters-weekly' : 'holt-linear';
  const trend = method === 'flat' ? 0 : hw.trend;
  const level = method === 'flat' ? mean : hw.level;
  const sigma = Math.max(hw.scale, method === 'flat' ? Math.abs(mean) * 0.1 : floor);
  const points: ForecastPoint[] = [];
  for (let k = 1; k <= horizon; k++) {
    const day = last.day + k * DAY;
    const cost = Math.max(0, level + k * trend + season.at(season.slotOf(day)));
    const width = z * sigma * Math.sqrt(k);
    points.push({ day, cost, lower: Math.max(0, cost - width), upper: cost + width });
  }
  return {
    points,
    total: points.reduce((t, p) => t + p.cost, 0),
    total_lower: points.reduce((t, p) => t + p.lower, 0),
    total_upper: points.reduce((t, p) => t + p.upper, 0),
    method,
    history_days: days.length,
  };
}

/** Sums a per-step cost series into UTC days. */
export function dailyTotals(start: number, stepSeconds: number, series: ArrayLike<number>): DailyCost[] {
  const byDay = new Map<number, number>();
  for (let i = 0; i < series.length; i++) {
    const t = start + i * stepSeconds;
    const day = t - (t % DAY);
    byDay.set(day, (byDay.get(day) ?? 0) + series[i]!);
  }
  return [...byDay].map(([day, cost]) => ({ day, cost }));
}
