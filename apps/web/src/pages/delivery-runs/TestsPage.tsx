import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../../api/trpc.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { PageHeading } from '../../components/PageHeading.js';
import { Panel } from '../../components/Panel.js';
import { useRefreshOn } from '../../events/useRefreshOn.js';
import { PredictionPanel } from './PredictionPanel.js';

const input = 'rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-800';
const button =
  'rounded bg-slate-900 px-3 py-1 text-sm text-white disabled:opacity-50 dark:bg-slate-100 dark:text-slate-900';
const pct = (n: number) => `${(n * 100).toFixed(0)} %`;

/**
 * Test intelligence: JUnit reports ingested per pipeline run (upload one here, or `opspilot tests ingest`), the flaky
 * and slowest tests of a pipeline, and the failure predictor with its measured accuracy.
 */
export function TestsPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [pipeline, setPipeline] = useState('CI');
  const [run, setRun] = useState('');
  const [commit, setCommit] = useState('');
  const [xml, setXml] = useState<{ name: string; text: string } | undefined>();
  const reports = useQuery(trpc.delivery.testReports.queryOptions({ page_size: 20 }));
  const flaky = useQuery({ ...trpc.delivery.flaky.queryOptions({ pipeline, days: 30 }), enabled: pipeline !== '' });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.delivery.pathKey() });
  useRefreshOn('TEST_REPORT_INGESTED', refresh, 1_000);
  const ingest = useMutation(trpc.delivery.ingestTests.mutationOptions({ onSuccess: refresh }));
  return (
    <>
      <PageHeading title="Tests">
        JUnit reports per pipeline run, flaky tests (passed and failed on the same commit, or flipping verdicts), the
        slowest tests, and which tests a change is likely to fail.
      </PageHeading>
      <Panel title="Ingest a JUnit report">
        <form
          className="flex flex-wrap items-end gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            if (xml) ingest.mutate({ pipeline, run, xml: xml.text, ...(commit ? { commit_sha: commit } : {}) });
          }}
        >
          <label className="flex flex-col text-sm">
            Pipeline
            <input className={input} value={pipeline} onChange={(e) => setPipeline(e.target.value)} />
          </label>
          <label className="flex flex-col text-sm">
            Run
            <input className={input} value={run} onChange={(e) => setRun(e.target.value)} />
          </label>
          <label className="flex flex-col text-sm">
            Commit
            <input className={`${input} font-mono`} value={commit} onChange={(e) => setCommit(e.target.value.trim())} />
          </label>
          <label className="flex flex-col text-sm">
            JUnit XML
            <input
              className="text-sm"
              type="file"
              accept=".xml,application/xml,text/xml"
              onChange={async (e) => {
                const file = e.target.files?.[0];
                setXml(file ? { name: file.name, text: await file.text() } : undefined);
              }}
            />
          </label>
          <button type="submit" className={button} disabled={!xml || !pipeline || !run || ingest.isPending}>
            Ingest
          </button>
        </form>
        <ErrorNotice error={ingest.error} />
        {ingest.data ? (
          <p role="status" className="mt-2 text-sm">
            Stored {ingest.data.tests} tests of run {ingest.data.run}: {ingest.data.failures} failed,{' '}
            {ingest.data.errors} errors, {ingest.data.skipped} skipped.
          </p>
        ) : null}
        <table aria-label="Test reports" className="mt-3 w-full text-sm">
          <thead>
            <tr className="border-b border-slate-200 dark:border-slate-700">
              {['Pipeline', 'Run', 'Commit', 'Tests', 'Failed', 'Errors', 'Skipped', 'Stored'].map((h) => (
                <th key={h} className="px-2 py-1 text-left">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {(reports.data?.items ?? []).map((r) => (
              <tr key={r.id} className="border-b border-slate-100 dark:border-slate-800">
                <td className="px-2 py-1">{r.pipeline}</td>
                <td className="px-2 py-1">{r.run}</td>
                <td className="px-2 py-1 font-mono">{r.commit_sha?.slice(0, 7) ?? '—'}</td>
                <td className="px-2 py-1">{r.tests}</td>
                <td className="px-2 py-1">{r.failures}</td>
                <td className="px-2 py-1">{r.errors}</td>
                <td className="px-2 py-1">{r.skipped}</td>
                <td className="px-2 py-1">{r.created_at.replace('T', ' ').slice(0, 16)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Panel>
      <Panel title="Flaky tests">
        <ErrorNotice error={flaky.error} />
        {(flaky.data?.tests ?? []).length === 0 ? (
          <p className="text-sm text-slate-500">
            No flaky tests in {pipeline || 'this pipeline'} over the last 30 days.
          </p>
        ) : (
          <table aria-label="Flaky tests" className="w-full text-sm">
            <thead>
              <tr className="border-b border-slate-200 dark:border-slate-700">
                {['Test', 'Why', 'Runs', 'Failure rate', 'Flip rate', 'Last'].map((h) => (
                  <th key={h} className="px-2 py-1 text-left">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {(flaky.data?.tests ?? []).map((t) => (
                <tr key={t.test_id} className="border-b border-slate-100 dark:border-slate-800">
                  <td className="px-2 py-1">{t.test_id}</td>
                  <td className="px-2 py-1">
                    {t.reason === 'same-commit'
                      ? `passed and failed on ${t.flaky_commits.map((c) => c.slice(0, 7)).join(', ')}`
                      : 'verdict flips often'}
                  </td>
                  <td className="px-2 py-1">{t.runs}</td>
                  <td className="px-2 py-1">{pct(t.failure_rate)}</td>
                  <td className="px-2 py-1">{pct(t.flip_rate)}</td>
                  <td className="px-2 py-1">{t.last_outcome}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {(flaky.data?.slowest ?? []).length > 0 ? (
          <>
            <h3 className="mt-4 font-medium">Slowest tests</h3>
            <ol aria-label="Slowest tests" className="list-decimal pl-6 text-sm">
              {(flaky.data?.slowest ?? []).map((s) => (
                <li key={s.test_id}>
                  {s.test_id} — {s.avg_duration_ms} ms over {s.runs} runs
                </li>
              ))}
            </ol>
          </>
        ) : null}
      </Panel>
      <PredictionPanel pipeline={pipeline} />
    </>
  );
}
