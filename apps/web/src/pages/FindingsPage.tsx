import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTRPC } from '../api/trpc.js';
import { Button } from '../components/Button.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { PageHeading } from '../components/PageHeading.js';
import { Panel } from '../components/Panel.js';
import { ClusterSelect } from './ClusterSelect.js';
import { filterProblems, SEVERITIES } from './filterProblems.js';
import { ProblemCard } from './ProblemCard.js';

const input =
  'rounded-md border border-slate-300 bg-white px-2 py-1.5 font-normal dark:border-slate-600 dark:bg-slate-900';

/** Runs the analyzers on a cluster (`analyze.run`) and lists the problems by root cause, filtered, with fixes. */
export function FindingsPage() {
  const trpc = useTRPC();
  const ids = { namespace: useId(), severity: useId(), text: useId() };
  const [clusterId, setClusterId] = useState('');
  const [namespace, setNamespace] = useState('');
  const [severity, setSeverity] = useState('INFO');
  const [text, setText] = useState('');
  const report = useQuery({
    ...trpc.analyze.run.queryOptions({ cluster_id: clusterId, namespace: namespace.trim() || undefined }),
    enabled: false,
  });
  const problems = report.data ? filterProblems(report.data.problems, severity, text) : [];
  return (
    <>
      <PageHeading title="Findings">What is broken in a cluster and why, grouped by root cause.</PageHeading>
      <div className="space-y-6">
        <Panel title="Analyze">
          <div className="flex flex-wrap items-end gap-3">
            <ClusterSelect value={clusterId} onChange={setClusterId} />
            <label htmlFor={ids.namespace} className="flex flex-col gap-1 text-sm font-medium">
              Namespace
              <input
                id={ids.namespace}
                className={input}
                placeholder="all"
                value={namespace}
                onChange={(e) => setNamespace(e.target.value)}
              />
            </label>
            <Button onClick={() => void report.refetch()} disabled={!clusterId || report.isFetching}>
              {report.isFetching ? 'Analyzing…' : 'Analyze'}
            </Button>
          </div>
          <ErrorNotice error={report.error} />
        </Panel>
        {report.data ? (
          <Panel
            title={`Problems (${problems.length} of ${report.data.summary.problems})`}
            actions={
              <div className="flex flex-wrap gap-3">
                <label htmlFor={ids.severity} className="flex items-center gap-2 text-sm">
                  At least
                  <select
                    id={ids.severity}
                    className={input}
                    value={severity}
                    onChange={(e) => setSeverity(e.target.value)}
                  >
                    {SEVERITIES.map((s) => (
                      <option key={s}>{s}</option>
                    ))}
                  </select>
                </label>
                <label htmlFor={ids.text} className="flex items-center gap-2 text-sm">
                  Search
                  <input id={ids.text} className={input} value={text} onChange={(e) => setText(e.target.value)} />
                </label>
              </div>
            }
          >
            {report.data.problems.length === 0 ? (
              <p>No problems found{namespace.trim() ? ` in namespace ${namespace.trim()}` : ''}.</p>
            ) : problems.length === 0 ? (
              <p>No problems match the filters.</p>
            ) : null}
            <ul className="space-y-3">
              {problems.map((problem) => (
                <li key={problem.id}>
                  <ProblemCard problem={problem} clusterId={clusterId} />
                </li>
              ))}
            </ul>
          </Panel>
        ) : null}
      </div>
    </>
  );
}
