import type { ApiOutputs } from '../../api/trpc.js';

type Cause = NonNullable<ApiOutputs['incidents']['get']['analysis']>['causes'][number];

/** The ranked causes of an incident, best first, each with its confidence, evidence and suggested runbook. */
export function CausesList({ causes }: { causes: Cause[] }) {
  if (causes.length === 0) return <p className="text-sm">No candidate cause found.</p>;
  return (
    <ol aria-label="Causes" className="space-y-3 text-sm">
      {causes.slice(0, 5).map((c, i) => (
        <li key={c.id} className="rounded-md border border-slate-200 p-2 dark:border-slate-700">
          <p className="font-medium">
            {i + 1}. {c.summary} <span className="text-slate-500">({Math.round(c.confidence * 100)}%)</span>
          </p>
          <ul aria-label={`Evidence for ${c.summary}`} className="mt-1 list-disc pl-5">
            {c.evidence.slice(0, 6).map((e) => (
              <li key={`${e.kind}:${e.source}:${e.detail}`}>
                <span className="font-medium">{e.kind}</span> {e.source}: {e.detail}
              </li>
            ))}
          </ul>
          {c.runbook ? <p className="mt-1">Suggested runbook: {c.runbook.name}</p> : null}
        </li>
      ))}
    </ol>
  );
}
