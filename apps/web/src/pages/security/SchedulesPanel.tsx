import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../../api/trpc.js';
import { Button } from '../../components/Button.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Panel } from '../../components/Panel.js';

const th = 'px-2 py-1 text-left font-medium';
const td = 'px-2 py-1 align-top';
const field = 'rounded-md border border-slate-300 bg-white px-2 py-1.5 dark:border-slate-600 dark:bg-slate-900';

/** Scheduled scans of the chosen cluster: cron expressions read in a time zone, their next and last run. */
export function SchedulesPanel({ clusterId }: { clusterId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [cron, setCron] = useState('0 2 * * *');
  const [timezone, setTimezone] = useState(Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
  const schedules = useQuery({
    ...trpc.security.schedules.queryOptions({ cluster_id: clusterId }),
    enabled: clusterId !== '',
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.security.schedules.queryKey() });
  const create = useMutation(trpc.security.createSchedule.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.security.deleteSchedule.mutationOptions({ onSuccess: refresh }));
  return (
    <Panel title="Scheduled scans">
      <form
        className="flex flex-wrap items-end gap-2 text-sm"
        aria-label="New schedule"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate({ cluster_id: clusterId, cron, timezone });
        }}
      >
        <label className="flex flex-col gap-1 font-medium">
          Cron
          <input className={`${field} font-mono`} value={cron} onChange={(e) => setCron(e.target.value)} />
        </label>
        <label className="flex flex-col gap-1 font-medium">
          Time zone
          <input className={field} value={timezone} onChange={(e) => setTimezone(e.target.value)} />
        </label>
        <Button type="submit" disabled={!clusterId}>
          Add schedule
        </Button>
      </form>
      <ErrorNotice error={create.error ?? remove.error ?? schedules.error} />
      <table className="mt-3 w-full text-sm" aria-label="Scan schedules">
        <thead>
          <tr>
            {['Cron', 'Time zone', 'Namespace', 'Next run', 'Last run', 'Last status', ''].map((h) => (
              <th key={h} className={th}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {schedules.data?.map((s) => (
            <tr key={s.id}>
              <td className={`${td} font-mono`}>{s.cron}</td>
              <td className={td}>{s.timezone}</td>
              <td className={td}>{s.namespace ?? 'all'}</td>
              <td className={td}>{s.enabled ? new Date(s.next_run_at).toLocaleString() : 'disabled'}</td>
              <td className={td}>{s.last_run_at ? new Date(s.last_run_at).toLocaleString() : '-'}</td>
              <td className={td}>{s.last_status ?? '-'}</td>
              <td className={td}>
                <Button
                  variant="secondary"
                  aria-label={`Delete schedule ${s.cron}`}
                  onClick={() => remove.mutate({ id: s.id })}
                >
                  Delete
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Panel>
  );
}
