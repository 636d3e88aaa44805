import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../../api/trpc.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Panel } from '../../components/Panel.js';

const input = 'rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-800';
const pct = (n: number | null) => (n === null ? 'n/a' : `${(n * 100).toFixed(1)} %`);

/** Predicts which tests a change fails, with the risk of the run and the model's accuracy on the stored history. */
export function PredictionPanel({ pipeline }: { pipeline: string }) {
  const trpc = useTRPC();
  const [files, setFiles] = useState('');
  const predict = useMutation(trpc.delivery.predictions.mutationOptions());
  const p = predict.data;
  return (
    <Panel title="Failure prediction">
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          predict.mutate({ pipeline, changed_files: files.split(/[\s,]+/).filter(Boolean) });
        }}
      >
        <label className="flex min-w-96 flex-col text-sm">
          Changed files
          <input
            className={input}
            value={files}
            placeholder="api/src/user.ts, web/src/App.tsx"
            onChange={(e) => setFiles(e.target.value)}
          />
        </label>
        <button
          type="submit"
          className="rounded bg-slate-900 px-3 py-1 text-sm text-white dark:bg-slate-100 dark:text-slate-900"
          disabled={!pipeline}
        >
          Predict
        </button>
      </form>
      <ErrorNotice error={predict.error} />
      {p ? (
        <div data-testid="prediction" className="mt-3 text-sm">
          {p.status !== 'ok' ? (
            <p>Not enough data: {p.reason}</p>
          ) : (
            <>
              <p>
                Risk that some test fails: <strong>{pct(p.risk)}</strong> · trained on {p.training.runs} runs
              </p>
              <p>
                {p.evaluation.status === 'ok'
                  ? `Measured on the last ${p.evaluation.test_runs} runs: accuracy ${pct(p.evaluation.accuracy)} (always-pass ${pct(p.evaluation.baseline_accuracy)}), precision ${pct(p.evaluation.precision)}, recall ${pct(p.evaluation.recall)}`
                  : `Accuracy: not enough data (${p.evaluation.reason})`}
              </p>
              <ul aria-label="Predicted tests" className="mt-2">
                {p.tests.map((t) => (
                  <li key={t.test_id}>
                    {t.test_id}: {pct(t.probability)} {t.will_fail ? '— predicted to fail' : ''}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      ) : null}
    </Panel>
  );
}
