import { type TimelineAlert, timelineBars } from './timelineBars.js';

const COLOURS: Record<string, string> = {
  CRITICAL: 'bg-red-600',
  WARNING: 'bg-amber-500',
  INFO: 'bg-sky-600',
};

/**
 * The alerts of a window as horizontal bars, one row per alert, from when it started to when it resolved (or the
 * end of the window while it fires). Colour follows severity; the row's label says the name and state in words.
 */
export function AlertTimeline({ alerts, from, to }: { alerts: TimelineAlert[]; from: Date; to: Date }) {
  const bars = timelineBars(alerts, from, to);
  if (bars.length === 0) return <p className="text-sm">No alerts in this window.</p>;
  const time = (d: Date) => d.toISOString().slice(11, 16);
  return (
    <figure aria-label="Alert timeline" data-testid="alert-timeline">
      <ul className="space-y-1">
        {bars.map(({ alert, left, width, open }) => (
          <li
            key={alert.id}
            className="grid grid-cols-[12rem_1fr] items-center gap-2 text-xs"
            data-testid="timeline-row"
          >
            <span className="truncate" title={alert.alertname}>
              {alert.alertname} · {alert.state.toLowerCase()}
            </span>
            <span className="relative h-3 rounded bg-slate-100 dark:bg-slate-800">
              <span
                className={`absolute top-0 h-3 rounded ${COLOURS[alert.severity] ?? 'bg-slate-500'} ${open ? 'opacity-100' : 'opacity-60'}`}
                style={{ left: `${left}%`, width: `${Math.min(width, 100 - left)}%` }}
                title={`${alert.starts_at} → ${alert.ends_at ?? 'firing'}`}
              />
            </span>
          </li>
        ))}
      </ul>
      <figcaption className="mt-1 flex justify-between pl-[12.5rem] text-xs text-slate-500">
        <span>{time(from)} UTC</span>
        <span>{time(to)} UTC</span>
      </figcaption>
    </figure>
  );
}
