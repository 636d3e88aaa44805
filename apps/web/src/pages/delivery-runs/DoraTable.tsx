/** One group's DORA figures as the API returns them. */
export interface DoraRow {
  key: string;
  deployments: number;
  rollbacks: number;
  deployments_per_day: number;
  lead_time_hours: { median: number | null; samples: number };
  change_failure_rate: number | null;
  failed_deployments: number;
  time_to_restore_hours: { median: number | null; samples: number; open_incidents: number };
}

const cell = 'px-2 py-1 text-left';
const hours = (h: number | null) =>
  h === null ? 'not enough data' : h >= 48 ? `${(h / 24).toFixed(1)} d` : `${h.toFixed(1)} h`;

/** DORA's four keys per service or namespace; "not enough data" where there is none, never a zero. */
export function DoraTable({ rows }: { rows: readonly DoraRow[] }) {
  if (rows.length === 0) return <p className="text-sm text-slate-500">No deployments recorded in this range.</p>;
  return (
    <table aria-label="DORA metrics" className="w-full text-sm">
      <thead>
        <tr className="border-b border-slate-200 dark:border-slate-700">
          {[
            'Service',
            'Deployments',
            'Per day',
            'Lead time (median)',
            'Change failure rate',
            'Time to restore',
            'Roll backs',
          ].map((h) => (
            <th key={h} className={cell}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((g) => (
          <tr key={g.key} className="border-b border-slate-100 dark:border-slate-800">
            <td className={`${cell} font-medium`}>{g.key}</td>
            <td className={cell}>{g.deployments}</td>
            <td className={cell}>{g.deployments_per_day.toFixed(2)}</td>
            <td className={cell}>
              {hours(g.lead_time_hours.median)}{' '}
              <span className="text-xs text-slate-500">({g.lead_time_hours.samples})</span>
            </td>
            <td className={cell}>
              {g.change_failure_rate === null
                ? 'not enough data'
                : `${Math.round(g.change_failure_rate * 100)} % (${g.failed_deployments})`}
            </td>
            <td className={cell}>
              {hours(g.time_to_restore_hours.median)}{' '}
              <span className="text-xs text-slate-500">
                ({g.time_to_restore_hours.samples}
                {g.time_to_restore_hours.open_incidents ? `, ${g.time_to_restore_hours.open_incidents} open` : ''})
              </span>
            </td>
            <td className={cell}>{g.rollbacks}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
