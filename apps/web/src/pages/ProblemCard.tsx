import type { ApiOutputs } from '../api/trpc.js';
import { Badge } from '../components/Badge.js';
import { SeenLine } from '../components/SeenLine.js';
import { toneOf } from '../components/toneOf.js';
import { FixPanel } from './healing/FixPanel.js';

type Problem = ApiOutputs['analyze']['run']['problems'][number];

/** One problem: root cause, evidence, proposed fix, its Fix button (with a cluster) and its symptoms. */
export function ProblemCard({ problem, clusterId }: { problem: Problem; clusterId?: string }) {
  const { root_cause: cause } = problem;
  const where = `${cause.resource.kind}/${cause.resource.namespace ? `${cause.resource.namespace}/` : ''}${cause.resource.name}`;
  return (
    <article className="rounded-md border border-slate-200 p-3 dark:border-slate-700" aria-label={cause.message}>
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={toneOf(problem.severity)}>{problem.severity}</Badge>
        <span className="font-mono text-sm">{where}</span>
        <span className="text-xs text-slate-600 dark:text-slate-300">{cause.analyzer}</span>
      </div>
      <p className="mt-2">{cause.message}</p>
      {(problem.affected?.length ?? 0) > 1 ? (
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-200">
          Affects {problem.affected?.length}:{' '}
          <span className="font-mono">
            {problem.affected
              ?.slice(0, 5)
              .map((r) => `${r.kind}/${r.name}`)
              .join(', ')}
            {(problem.affected?.length ?? 0) > 5 ? ', …' : ''}
          </span>
        </p>
      ) : null}
      {problem.first_seen ? <SeenLine seen={{ ...problem, first_seen: problem.first_seen }} /> : null}
      {cause.evidence.length > 0 ? (
        <ul className="mt-2 list-disc pl-5 text-sm text-slate-700 dark:text-slate-200">
          {cause.evidence.map((e) => (
            <li key={`${e.source}${e.detail}`}>
              <span className="font-mono">{e.source}</span>: {e.detail}
            </li>
          ))}
        </ul>
      ) : null}
      {cause.proposedFix ? (
        <div className="mt-2 rounded-md bg-sky-50 p-2 text-sm dark:bg-sky-950">
          <p className="font-medium">Proposed fix: {cause.proposedFix.description}</p>
          {cause.proposedFix.command ? (
            <pre className="mt-1 overflow-x-auto font-mono">{cause.proposedFix.command}</pre>
          ) : null}
        </div>
      ) : null}
      {clusterId ? <FixPanel clusterId={clusterId} findingId={cause.id} namespace={cause.resource.namespace} /> : null}
      {problem.symptoms.length > 0 ? (
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer">{problem.symptoms.length} symptom(s)</summary>
          <ul className="mt-1 list-disc pl-5">
            {problem.symptoms.map((s) => (
              <li key={s.id}>{s.message}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </article>
  );
}
