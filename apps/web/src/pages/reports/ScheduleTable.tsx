import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../../api/trpc.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';

const input = 'rounded border border-slate-300 bg-white px-2 py-1 text-xs dark:border-slate-600 dark:bg-slate-800';
const action = 'rounded border border-slate-400 px-2 py-0.5 text-xs';

/**
 * The report schedules with what each can do: change its cron expression and time zone, disable it (kept, not run),
 * enable it again (from its next fire time) or delete it. Every change goes through the API and is audited.
 */
export function ScheduleTable() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const schedules = useQuery(trpc.reports.schedules.queryOptions({}));
  const [editing, setEditing] = useState<{ id: string; cron: string; timezone: string } | undefined>();
  const refresh = { onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.reports.schedules.queryKey() }) };
  const update = useMutation(
    trpc.reports.updateSchedule.mutationOptions({
      onSuccess: async () => {
        setEditing(undefined);
        await refresh.onSuccess();
      },
    }),
  );
  const disable = useMutation(trpc.reports.disableSchedule.mutationOptions(refresh));
  const enable = useMutation(trpc.reports.enableSchedule.mutationOptions(refresh));
  const remove = useMutation(trpc.reports.deleteSchedule.mutationOptions(refresh));
  const rows = schedules.data ?? [];
  if (rows.length === 0)
    return (
      <p className="text-sm">
        No report is scheduled. Schedule one above, with `opspilot report schedules set` or the API: a cron expression,
        a time zone and an optional signed webhook.
      </p>
    );
  return (
    <>
      <ErrorNotice error={update.error ?? disable.error ?? enable.error ?? remove.error} />
      <table aria-label="Report schedules" className="w-full text-left text-sm">
        <thead>
          <tr>
            <th>Name</th>
            <th>Cron</th>
            <th>State</th>
            <th>Next run</th>
            <th>Last status</th>
            <th>Actions</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={s.id} className="border-t border-slate-200 dark:border-slate-700">
              <td>{s.name}</td>
              <td>
                {editing?.id === s.id ? (
                  <span className="flex gap-1">
                    <input
                      aria-label={`Cron of ${s.name}`}
                      className={input}
                      value={editing.cron}
                      onChange={(e) => setEditing({ ...editing, cron: e.target.value })}
                    />
                    <input
                      aria-label={`Time zone of ${s.name}`}
                      className={input}
                      value={editing.timezone}
                      onChange={(e) => setEditing({ ...editing, timezone: e.target.value })}
                    />
                  </span>
                ) : (
                  `${s.cron} (${s.timezone})`
                )}
              </td>
              <td>{s.enabled ? 'enabled' : 'disabled'}</td>
              <td>{s.next_run_at ?? '—'}</td>
              <td>{s.last_status ?? '—'}</td>
              <td className="flex flex-wrap gap-1">
                {editing?.id === s.id ? (
                  <button
                    type="button"
                    className={action}
                    onClick={() => update.mutate({ id: s.id, cron: editing.cron, timezone: editing.timezone })}
                  >
                    Save {s.name}
                  </button>
                ) : (
                  <button
                    type="button"
                    className={action}
                    onClick={() => setEditing({ id: s.id, cron: s.cron, timezone: s.timezone })}
                  >
                    Edit {s.name}
                  </button>
                )}
                {s.enabled ? (
                  <button type="button" className={action} onClick={() => disable.mutate({ id: s.id })}>
                    Disable {s.name}
                  </button>
                ) : (
                  <button type="button" className={action} onClick={() => enable.mutate({ id: s.id })}>
                    Enable {s.name}
                  </button>
                )}
                <button type="button" className={action} onClick={() => remove.mutate({ id: s.id })}>
                  Delete {s.name}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
