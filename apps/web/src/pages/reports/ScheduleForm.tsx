import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../../api/trpc.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';

const field = 'rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-800';
type ReportType = 'EXECUTIVE_SUMMARY' | 'DETAILED_ANALYSIS' | 'INCIDENT_REPORT' | 'CAPACITY_PLAN';
type Format = 'HTML' | 'PDF' | 'MARKDOWN' | 'JSON';

/** Schedules the report chosen above: a cron expression read in a time zone, and an optional signed webhook. */
export function ScheduleForm({ type, format, days }: { type: ReportType; format: Format; days: number }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [cron, setCron] = useState('0 8 * * MON');
  const [timezone, setTimezone] = useState(Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
  const [webhook, setWebhook] = useState('');
  const [secret, setSecret] = useState('');
  const schedule = useMutation(
    trpc.reports.schedule.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.reports.schedules.queryKey() }),
    }),
  );
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        schedule.mutate({
          name: name || `${type} (${cron})`,
          report_type: type,
          format,
          cron,
          timezone,
          period_days: days,
          ...(webhook ? { webhook_url: webhook } : {}),
          ...(secret ? { webhook_secret: secret } : {}),
        });
      }}
    >
      <label className="flex flex-col text-sm">
        Schedule name
        <input className={field} value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label className="flex flex-col text-sm">
        Cron
        <input className={field} value={cron} onChange={(e) => setCron(e.target.value)} />
      </label>
      <label className="flex flex-col text-sm">
        Time zone
        <input className={field} value={timezone} onChange={(e) => setTimezone(e.target.value)} />
      </label>
      <label className="flex flex-col text-sm">
        Webhook URL
        <input className={field} value={webhook} placeholder="https://…" onChange={(e) => setWebhook(e.target.value)} />
      </label>
      <label className="flex flex-col text-sm">
        Webhook secret
        <input className={field} type="password" value={secret} onChange={(e) => setSecret(e.target.value)} />
      </label>
      <button
        type="submit"
        className="rounded border border-blue-600 px-3 py-1.5 text-sm"
        disabled={schedule.isPending}
      >
        Schedule
      </button>
      <ErrorNotice error={schedule.error} />
    </form>
  );
}
