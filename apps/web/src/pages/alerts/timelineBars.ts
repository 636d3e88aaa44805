/** An alert as the timeline needs it. */
export interface TimelineAlert {
  id: string;
  alertname: string;
  state: string;
  severity: string;
  starts_at: string;
  ends_at?: string;
}

/** One bar of the timeline: where it starts and how wide it is, in percent of the window. */
export interface TimelineBar {
  alert: TimelineAlert;
  left: number;
  width: number;
  /** Still firing at the end of the window. */
  open: boolean;
}

/**
 * Lays alerts out on a window `[from, to]`: each alert a bar from `starts_at` to `ends_at` (or to the window's end
 * while it fires), clipped to the window, at least 0.5 % wide so a short alert stays visible. Alerts wholly outside
 * the window are left out.
 */
export function timelineBars(alerts: TimelineAlert[], from: Date, to: Date): TimelineBar[] {
  const start = from.getTime();
  const span = Math.max(1, to.getTime() - start);
  const bars: TimelineBar[] = [];
  for (const alert of alerts) {
    const a = Date.parse(alert.starts_at);
    const b = alert.ends_at ? Date.parse(alert.ends_at) : to.getTime();
    if (b < start || a > to.getTime()) continue;
    const left = (Math.max(a, start) - start) / span;
    const right = (Math.min(b, to.getTime()) - start) / span;
    bars.push({ alert, left: left * 100, width: Math.max(0.5, (right - left) * 100), open: !alert.ends_at });
  }
  return bars;
}
