import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../../api/trpc.js';
import { Badge, type BadgeTone } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Panel } from '../../components/Panel.js';

const th = 'px-2 py-1 text-left font-medium';
const td = 'px-2 py-1 align-top';
const field = 'rounded-md border border-slate-300 bg-white px-2 py-1.5 dark:border-slate-600 dark:bg-slate-900';
const TONE: Record<string, BadgeTone> = {
  CRITICAL: 'bad',
  HIGH: 'bad',
  MEDIUM: 'warn',
  LOW: 'info',
  UNKNOWN: 'neutral',
};
const SEVERITIES = ['none', 'low', 'medium', 'high', 'critical'] as const;

/**
 * Image scans: Trivy or Grype JSON reports uploaded and stored as Vulnerability records, each image's vulnerabilities,
 * and the image gate (max severity, CVE allow-list) that plans changing an image must pass.
 */
export function ImageScansPanel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState('');
  const scans = useQuery(trpc.security.imageScans.queryOptions({}));
  const vulns = useQuery({
    ...trpc.security.vulnerabilities.queryOptions({ scan_id: chosen }),
    enabled: chosen !== '',
  });
  const gate = useQuery(trpc.security.imageGate.queryOptions({}));
  const upload = useMutation(
    trpc.security.importImageScan.mutationOptions({
      onSuccess: (s) => {
        setChosen(s.id);
        void queryClient.invalidateQueries({ queryKey: trpc.security.imageScans.queryKey() });
      },
    }),
  );
  const save = useMutation(
    trpc.security.setImageGate.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.security.imageGate.queryKey() }),
    }),
  );
  const [maxSeverity, setMaxSeverity] = useState<(typeof SEVERITIES)[number] | ''>('');
  const [allow, setAllow] = useState<string | null>(null);
  const current = gate.data?.policy;
  return (
    <Panel title="Images">
      <div className="flex flex-wrap items-end gap-4 text-sm">
        <label className="flex flex-col gap-1 font-medium">
          Upload a Trivy or Grype JSON report
          <input
            type="file"
            accept="application/json,.json"
            aria-label="Scanner report"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              if (file) upload.mutate({ report: await file.text(), file_name: file.name });
            }}
          />
        </label>
        <form
          className="flex flex-wrap items-end gap-2"
          aria-label="Image gate"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate({
              max_severity: maxSeverity || current?.max_severity || 'medium',
              allow: (allow ?? current?.allow.join(', ') ?? '').split(/[\s,]+/).filter(Boolean),
              enabled: true,
            });
          }}
        >
          <label className="flex flex-col gap-1 font-medium">
            Gate: most severe tolerated
            <select
              className={field}
              value={maxSeverity || current?.max_severity || 'medium'}
              onChange={(e) => setMaxSeverity(e.target.value as (typeof SEVERITIES)[number])}
            >
              {SEVERITIES.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1 font-medium">
            Allowed advisories
            <input
              className={field}
              value={allow ?? current?.allow.join(', ') ?? ''}
              placeholder="CVE-2024-1234, GHSA-…"
              onChange={(e) => setAllow(e.target.value)}
            />
          </label>
          <Button type="submit">Save gate</Button>
          <span data-testid="image-gate-state">
            {gate.data?.enabled ? `gate on: ≤ ${current?.max_severity}, ${current?.allow.length} allowed` : 'no gate'}
          </span>
        </form>
      </div>
      <ErrorNotice error={upload.error ?? save.error ?? scans.error ?? vulns.error} />
      <table className="mt-3 w-full text-sm" aria-label="Image scans">
        <thead>
          <tr>
            {['Image', 'Scanner', 'Critical', 'High', 'Medium', 'Low', 'Scanned'].map((h) => (
              <th key={h} className={th}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {scans.data?.map((s) => (
            <tr key={s.id} className={s.id === chosen ? 'bg-sky-50 dark:bg-slate-800' : ''}>
              <td className={`${td} font-mono`}>
                <button
                  type="button"
                  className="text-sky-700 underline dark:text-sky-400"
                  onClick={() => setChosen(s.id)}
                >
                  {s.image}
                </button>
              </td>
              <td className={td}>{s.scanner}</td>
              <td className={td}>{s.critical}</td>
              <td className={td}>{s.high}</td>
              <td className={td}>{s.medium}</td>
              <td className={td}>{s.low}</td>
              <td className={td}>{s.completed_at ? new Date(s.completed_at).toLocaleString() : '-'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {vulns.data ? (
        <table className="mt-3 w-full text-sm" aria-label="Vulnerabilities">
          <thead>
            <tr>
              {['Severity', 'Advisory', 'Package', 'Installed', 'Fixed', 'CVSS', 'Title'].map((h) => (
                <th key={h} className={th}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {vulns.data.map((v) => (
              <tr key={v.id}>
                <td className={td}>
                  <Badge tone={TONE[v.severity] ?? 'neutral'}>{v.severity}</Badge>
                </td>
                <td className={`${td} font-mono`}>{v.vulnerability_id}</td>
                <td className={td}>{v.package}</td>
                <td className={td}>{v.installed_version}</td>
                <td className={td}>{v.fixed_version ?? '-'}</td>
                <td className={td}>{v.cvss ?? '-'}</td>
                <td className={td}>{v.title}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Panel>
  );
}
