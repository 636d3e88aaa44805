import type { ApiOutputs } from '../api/trpc.js';
import { Badge } from '../components/Badge.js';
import { toneOf } from '../components/toneOf.js';

type Entry = ApiOutputs['audit']['list']['items'][number];

/** Audit entries as a table: sequence, time, user, action, target, status and the start of the hash. */
export function AuditTable({ entries }: { entries: Entry[] }) {
  if (entries.length === 0) return <p>No entries match.</p>;
  const th = 'px-2 py-1.5 text-left font-semibold';
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">Audit entries, newest first</caption>
        <thead className="border-b border-slate-200 dark:border-slate-700">
          <tr>
            <th className={th}>#</th>
            <th className={th}>Time</th>
            <th className={th}>User</th>
            <th className={th}>Action</th>
            <th className={th}>Target</th>
            <th className={th}>Status</th>
            <th className={th}>Hash</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.sequence} className="border-b border-slate-100 align-top dark:border-slate-800">
              <td className="px-2 py-1.5 tabular-nums">{entry.sequence}</td>
              <td className="px-2 py-1.5 whitespace-nowrap">
                <time dateTime={entry.timestamp}>{new Date(entry.timestamp).toLocaleString()}</time>
              </td>
              <td className="px-2 py-1.5">{String(entry.details.username ?? entry.user_id)}</td>
              <td className="px-2 py-1.5 font-mono">{entry.action}</td>
              <td className="px-2 py-1.5 break-all">{entry.target ?? ''}</td>
              <td className="px-2 py-1.5">
                <Badge tone={toneOf(entry.status)}>{entry.status}</Badge>
              </td>
              <td className="px-2 py-1.5 font-mono text-xs" title={entry.hash}>
                {entry.hash.slice(0, 12)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
