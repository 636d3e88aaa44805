import { useQuery } from '@tanstack/react-query';
import { ShieldAlert, ShieldCheck } from 'lucide-react';
import { useTRPC } from '../api/trpc.js';
import { Button } from '../components/Button.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { Panel } from '../components/Panel.js';

/** Recomputes the audit hash chain on the server (`audit.verify`) when asked, and says whether it holds. */
export function ChainVerification() {
  const trpc = useTRPC();
  const report = useQuery({ ...trpc.audit.verify.queryOptions(), enabled: false });
  return (
    <Panel
      title="Chain verification"
      actions={
        <Button variant="secondary" onClick={() => void report.refetch()} disabled={report.isFetching}>
          {report.isFetching ? 'Verifying…' : 'Verify chain'}
        </Button>
      }
    >
      <ErrorNotice error={report.error} />
      <div aria-live="polite">
        {report.data ? (
          report.data.ok ? (
            <p className="flex items-center gap-2 text-emerald-800 dark:text-emerald-300">
              <ShieldCheck className="size-5" aria-hidden="true" />
              Chain intact: {report.data.checked} entries checked.
            </p>
          ) : (
            <p className="flex items-center gap-2 text-red-800 dark:text-red-300">
              <ShieldAlert className="size-5" aria-hidden="true" />
              Chain broken at entry #{report.data.firstBad?.sequence}: {report.data.firstBad?.message} (
              {report.data.checked} entries checked).
            </p>
          )
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-300">Not verified yet.</p>
        )}
      </div>
    </Panel>
  );
}
