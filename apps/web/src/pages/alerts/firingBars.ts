/** A firing of an alert as the history timeline needs it (the server's `alerts.history` firings). */
export interface Firing {
  number: number;
  started_at: string;
  ended_at?: string;
  duration_seconds?: number;
  state: 'FIRING' | 'RESOLVED';
}

/** One bar of the firing history: where it starts and how wide it is, in percent of the span shown. */
export interface FiringBar {
  firing: Firing;
  left: number;
  width: number;
}

/**
 * Lays the firings of one alert on one line from the first start to `now` (a firing still open runs to `now`), each
 * bar at least 0.5 % wide so a short firing stays visible.
 */
export function firingBars(firings: readonly Firing[], now: Date): { bars: FiringBar[]; from: Date; to: Date } {
  const first = firings[0];
  const to = Math.max(now.getTime(), ...firings.map((f) => Date.parse(f.ended_at ?? f.started_at)));
  const from = first ? Date.parse(first.started_at) : to;
  const span = Math.max(1, to - from);
  const bars = firings.map((firing) => {
    const a = Date.parse(firing.started_at);
    const b = firing.ended_at ? Date.parse(firing.ended_at) : to;
    const left = ((a - from) / span) * 100;
    return { firing, left, width: Math.max(0.5, Math.min(100 - left, ((b - a) / span) * 100)) };
  });
  return { bars, from: new Date(from), to: new Date(to) };
}

/** A duration in seconds as people read it: `45s`, `12m 5s`, `3h 20m`, `2d 4h`. */
export function durationText(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${s % 60}s`;
  if (s < 86_400) return `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}m`;
  return `${Math.floor(s / 86_400)}d ${Math.floor((s % 86_400) / 3600)}h`;
}
