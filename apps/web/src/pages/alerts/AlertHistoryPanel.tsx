import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../api/trpc.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Panel } from '../../components/Panel.js';
import { durationText, firingBars } from './firingBars.js';

const time = (iso: string) => iso.replace('T', ' ').slice(0, 19);

/**
 * The firing history of one stored alert (`alerts.history`): how often it fired, and each firing as a bar on one
 * line from its first start to now — resolved firings faded, the open one solid — with its start, end and duration
 * in words below. Refreshed with the alerts list.
 */
export function AlertHistoryPanel({ alertId, onClose }: { alertId: string; onClose: () => void }) {
  const trpc = useTRPC();
  const history = useQuery({ ...trpc.alerts.history.queryOptions({ alert: alertId }), refetchInterval: 5_000 });
  const data = history.data;
  const name = data?.alert.alertname ?? 'alert';
  const { bars, from, to } = firingBars(data?.firings ?? [], new Date());
  return (
    <Panel
      title={`Firing history of ${name}`}
      actions={
        <button type="button" className="text-sm underline" onClick={onClose}>
          Close
        </button>
      }
    >
      <ErrorNotice error={history.error} />
      {data ? (
        <>
          <p className="mb-3 text-sm" data-testid="firing-summary">
            {`${data.alert.fingerprint} on ${data.alert.cluster_name ?? 'no cluster'}: fired ${data.firings.length} time${data.firings.length === 1 ? '' : 's'}, ${data.alert.state.toLowerCase()} now`}
          </p>
          <figure aria-label="Firing timeline">
            <div className="relative h-4 rounded bg-slate-100 dark:bg-slate-800">
              {bars.map(({ firing, left, width }) => (
                <span
                  key={firing.number}
                  data-testid="firing-bar"
                  className={`absolute top-0 h-4 rounded bg-red-600 ${firing.state === 'FIRING' ? 'opacity-100' : 'opacity-50'}`}
                  style={{ left: `${left}%`, width: `${width}%` }}
                  title={`#${firing.number}: ${time(firing.started_at)} → ${firing.ended_at ? time(firing.ended_at) : 'firing'}`}
                />
              ))}
            </div>
            <figcaption className="mt-1 flex justify-between text-xs text-slate-500">
              <span>{time(from.toISOString())} UTC</span>
              <span>{time(to.toISOString())} UTC</span>
            </figcaption>
          </figure>
          <ol aria-label="Firings" className="mt-3 space-y-1 text-sm">
            {data.firings.map((f) => (
              <li key={f.number} data-state={f.state}>
                {`#${f.number} · ${time(f.started_at)} → ${f.ended_at ? time(f.ended_at) : 'still firing'} · ${
                  f.duration_seconds === undefined ? 'ongoing' : durationText(f.duration_seconds)
                }`}
              </li>
            ))}
          </ol>
        </>
      ) : (
        <p className="text-sm">Loading…</p>
      )}
    </Panel>
  );
}
