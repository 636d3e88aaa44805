import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../../api/trpc.js';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Panel } from '../../components/Panel.js';
import { scoreTone } from './PostureOverview.js';

const FRAMEWORKS = ['CIS', 'NSA_CISA', 'SOC2', 'HIPAA', 'PCI_DSS'] as const;

/** A compliance report of the chosen cluster's latest scan for one framework: score, controls, Markdown download. */
export function ComplianceView({ clusterId }: { clusterId: string }) {
  const trpc = useTRPC();
  const [framework, setFramework] = useState<(typeof FRAMEWORKS)[number]>('CIS');
  const check = useMutation(trpc.security.compliance.mutationOptions());
  const data = check.data;
  return (
    <Panel title="Compliance">
      <div className="flex flex-wrap items-end gap-2 text-sm">
        <label className="flex flex-col gap-1 font-medium">
          Framework
          <select
            className="rounded-md border border-slate-300 bg-white px-2 py-1.5 dark:border-slate-600 dark:bg-slate-900"
            value={framework}
            onChange={(e) => setFramework(e.target.value as typeof framework)}
          >
            {FRAMEWORKS.map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </select>
        </label>
        <Button disabled={!clusterId} onClick={() => check.mutate({ cluster_id: clusterId, framework })}>
          Check compliance
        </Button>
        {data ? (
          <a
            className="text-sky-700 underline dark:text-sky-300"
            download={`${data.report.framework}.md`}
            href={`data:text/markdown;charset=utf-8,${encodeURIComponent(data.markdown)}`}
          >
            Markdown
          </a>
        ) : null}
      </div>
      <ErrorNotice error={check.error} />
      {data ? (
        <>
          <p className="mt-3 text-sm" data-testid="compliance-score">
            {data.title}: score <Badge tone={scoreTone(data.report.score)}>{data.report.score}</Badge>
          </p>
          <table className="mt-2 w-full text-sm" aria-label="Compliance controls">
            <thead>
              <tr>
                {['Control', 'Status', 'Title', 'Evidence'].map((h) => (
                  <th key={h} className="px-2 py-1 text-left font-medium">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.report.controls.map((c) => (
                <tr key={c.id}>
                  <td className="px-2 py-1 font-mono">{c.id}</td>
                  <td className="px-2 py-1">
                    <Badge tone={c.status === 'PASS' ? 'good' : c.status === 'FAIL' ? 'bad' : 'neutral'}>
                      {c.status}
                    </Badge>
                  </td>
                  <td className="px-2 py-1">{c.title}</td>
                  <td className="px-2 py-1 text-xs">{c.evidence}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </Panel>
  );
}
