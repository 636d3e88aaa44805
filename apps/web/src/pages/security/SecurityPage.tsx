import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../../api/trpc.js';
import { Badge, type BadgeTone } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { PageHeading } from '../../components/PageHeading.js';
import { Panel } from '../../components/Panel.js';
import { ClusterSelect } from '../ClusterSelect.js';
import { ComplianceView } from './ComplianceView.js';
import { FindingFixButton } from './FindingFixButton.js';
import { ImageScansPanel } from './ImageScansPanel.js';
import { PolicyEditor } from './PolicyEditor.js';
import { PostureOverview, scoreTone } from './PostureOverview.js';
import { SchedulesPanel } from './SchedulesPanel.js';
import { SecretsPanel } from './SecretsPanel.js';

const SEVERITY_TONE: Record<string, BadgeTone> = { critical: 'bad', high: 'bad', medium: 'warn', low: 'info' };
const td = 'px-2 py-1 align-top';

/**
 * The security guardian: a live posture scan per cluster (score per cluster and namespace, PSS level and what
 * enforcing would break), the findings of the latest scan with evidence and fix, the policy editor and compliance reports.
 */
export function SecurityPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [clusterId, setClusterId] = useState('');
  const [severity, setSeverity] = useState('');
  const findings = useQuery({
    ...trpc.security.findings.queryOptions({
      cluster_id: clusterId,
      ...(severity ? { severity: severity as 'critical' } : {}),
    }),
    enabled: clusterId !== '',
  });
  const scan = useMutation(
    trpc.security.scan.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.security.pathKey() }),
    }),
  );
  return (
    <>
      <PageHeading title="Security">
        Live posture of each cluster — Pod Security Standards, RBAC, network policies, secrets, images and exposure —
        checked with the same rules as <span className="font-mono">opspilot validate</span>, and policies written in
        plain English.
      </PageHeading>
      <div className="space-y-6">
        <div className="flex flex-wrap items-end gap-4">
          <ClusterSelect value={clusterId} onChange={setClusterId} />
          <Button disabled={!clusterId || scan.isPending} onClick={() => scan.mutate({ cluster_id: clusterId })}>
            {scan.isPending ? 'Scanning…' : 'Scan now'}
          </Button>
          {scan.data ? (
            <span data-testid="scan-result" className="text-sm">
              {scan.data.status === 'offline' ? (
                <Badge tone="bad">OFFLINE</Badge>
              ) : (
                <>
                  Score <Badge tone={scoreTone(scan.data.score)}>{scan.data.score}</Badge> — {scan.data.findings.length}{' '}
                  findings
                </>
              )}
            </span>
          ) : null}
        </div>
        <ErrorNotice error={scan.error} />
        <PostureOverview clusterId={clusterId} />
        <Panel
          title="Findings"
          actions={
            <label className="flex items-center gap-2 text-sm">
              Severity
              <select
                className="rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
                value={severity}
                onChange={(e) => setSeverity(e.target.value)}
              >
                {['', 'critical', 'high', 'medium', 'low'].map((s) => (
                  <option key={s} value={s}>
                    {s || 'any'}
                  </option>
                ))}
              </select>
            </label>
          }
        >
          <ErrorNotice error={findings.error} />
          {findings.data && findings.data.scan_id === null ? <p>Not scanned yet: press Scan now.</p> : null}
          <table className="w-full text-sm" aria-label="Security findings">
            <thead>
              <tr>
                {['Severity', 'Category', 'Object', 'Problem', 'Evidence', 'Fix', ''].map((h) => (
                  <th key={h} className="px-2 py-1 text-left font-medium">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {findings.data?.findings.map((f) => (
                <tr key={f.id}>
                  <td className={td}>
                    <Badge tone={SEVERITY_TONE[f.severity] ?? 'neutral'}>{f.severity}</Badge>
                  </td>
                  <td className={td}>
                    {f.category}
                    {f.pss ? ` (PSS ${f.pss.level}: ${f.pss.control})` : ''}
                  </td>
                  <td className={`${td} font-mono`}>
                    {f.object.kind}/{f.object.namespace ? `${f.object.namespace}/` : ''}
                    {f.object.name}
                  </td>
                  <td className={td}>{f.message}</td>
                  <td className={`${td} font-mono text-xs`}>{f.evidence.join(' · ')}</td>
                  <td className={td}>{f.fix}</td>
                  <td className={td}>
                    <FindingFixButton clusterId={clusterId} findingId={f.id} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Panel>
        <SchedulesPanel clusterId={clusterId} />
        <PolicyEditor clusterId={clusterId} />
        <ComplianceView clusterId={clusterId} />
        <ImageScansPanel />
        <SecretsPanel clusterId={clusterId} />
      </div>
    </>
  );
}
