import type { IncidentAction } from '@opspilot/core';

/** An incident's timeline, oldest first: when, who, what kind of entry, and what it says. */
export function IncidentTimeline({ entries }: { entries: IncidentAction[] }) {
  if (entries.length === 0) return <p className="text-sm">Nothing recorded yet.</p>;
  return (
    <ol aria-label="Timeline" className="space-y-1 text-sm">
      {entries.map((a) => (
        <li
          key={a.id}
          className="grid grid-cols-[11rem_7rem_9rem_1fr] gap-2 border-b border-slate-100 py-1 dark:border-slate-800"
        >
          <time className="whitespace-nowrap text-slate-500">{a.performed_at.replace('T', ' ').slice(0, 19)}</time>
          <span className="truncate">{a.actor}</span>
          <span className="font-medium">{a.action_type}</span>
          <span>{a.description}</span>
        </li>
      ))}
    </ol>
  );
}
