import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTRPC } from '../../api/trpc.js';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { PageHeading } from '../../components/PageHeading.js';
import { Panel } from '../../components/Panel.js';
import { toneOf } from '../../components/toneOf.js';
import { RuleForm } from './RuleForm.js';

const th = 'px-2 py-1 text-left font-medium';
const td = 'px-2 py-1 align-top';
const seconds = (ms: number | null | undefined) => (typeof ms === 'number' ? `${Math.round(ms / 1000)}s` : '-');

/** A table's header row. */
function TableHead({ columns }: { columns: string[] }) {
  return (
    <thead>
      <tr>
        {columns.map((h) => (
          <th key={h} className={th}>
            {h}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/**
 * Self-healing: the rules (new, enable, disable), the actions they took — and the fixes people applied by hand
 * (MANUAL) — with outcomes, and what was learned from both.
 */
export function SelfHealingPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const rules = useQuery(trpc.healing.rules.queryOptions({ page_size: 100 }));
  const [shown, setShown] = useState<'' | 'RULE' | 'MANUAL'>('');
  const showId = useId();
  const history = useQuery(trpc.healing.history.queryOptions({ page_size: 50, ...(shown ? { trigger: shown } : {}) }));
  const stats = useQuery(trpc.healing.stats.queryOptions());
  const toggle = useMutation(
    trpc.healing.updateRule.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.healing.rules.queryKey() }),
    }),
  );
  const names = new Map((rules.data?.items ?? []).map((r) => [r.id, r.name]));
  return (
    <>
      <PageHeading title="Self-healing">
        Rules that fix findings — or what anomalies and incidents point at — on their own, within limits: dry run first,
        verified after, rolled back when the fix does not hold. Refusals are kept in the history with the reason.
      </PageHeading>
      <div className="space-y-6">
        <RuleForm />
        <Panel title="Rules">
          <ErrorNotice error={rules.error ?? toggle.error} />
          <table className="w-full text-sm" aria-label="Healing rules">
            <TableHead columns={['Name', 'Trigger', 'Action', 'Namespaces', 'Mode', 'Enabled', '']} />
            <tbody>
              {rules.data?.items.map((rule) => {
                const limits = rule.action_config as { mode?: string; dry_run?: boolean; runbook?: string };
                return (
                  <tr key={rule.id}>
                    <td className={td}>{rule.name}</td>
                    <td className={`${td} font-mono`}>{rule.condition_type}</td>
                    <td className={`${td} font-mono`}>
                      {limits.runbook ? `runbook ${limits.runbook}` : rule.action_type}
                    </td>
                    <td className={td}>
                      {((rule.condition_config as { namespaces?: string[] }).namespaces ?? []).join(', ')}
                    </td>
                    <td className={td}>
                      {limits.mode ?? 'approval'}
                      {limits.dry_run ? ' (dry run)' : ''}
                    </td>
                    <td className={td}>{rule.enabled ? 'yes' : 'no'}</td>
                    <td className={td}>
                      <Button onClick={() => toggle.mutate({ id: rule.id, enabled: !rule.enabled })}>
                        {rule.enabled ? 'Disable' : 'Enable'}
                      </Button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </Panel>
        <Panel title="History">
          <ErrorNotice error={history.error} />
          <label htmlFor={showId} className="mb-2 flex items-center gap-2 text-sm font-medium">
            Show
            <select
              id={showId}
              className="rounded border px-2 py-1 font-normal"
              value={shown}
              onChange={(e) => setShown(e.target.value as typeof shown)}
            >
              <option value="">Rules' actions and manual fixes</option>
              <option value="RULE">Rules' actions</option>
              <option value="MANUAL">Manual fixes</option>
            </select>
          </label>
          {history.data?.items.length === 0 ? <p>No healing actions yet.</p> : null}
          <table className="w-full text-sm" aria-label="Healing history">
            <TableHead columns={['Time', 'Rule', 'Target', 'Status', 'Outcome', 'Recovered in']} />
            <tbody>
              {history.data?.items.map((a) => (
                <tr key={a.id}>
                  <td className={td}>{a.started_at ?? a.created_at}</td>
                  <td className={td}>
                    {a.rule_id
                      ? (names.get(a.rule_id) ?? a.rule_id)
                      : `manual fix${a.result.user ? ` by ${String(a.result.user)}` : ''}`}
                  </td>
                  <td className={`${td} font-mono`}>{a.target}</td>
                  <td className={td}>
                    <Badge tone={toneOf(a.status)}>{a.status}</Badge>
                  </td>
                  <td className={td}>
                    {String(a.result.outcome ?? a.result.reason ?? '')}
                    {a.result.outcome && a.result.reason ? `: ${String(a.result.reason)}` : ''}
                  </td>
                  <td className={td}>{seconds(a.result.time_to_recover_ms as number | undefined)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Panel>
        <Panel title="Learning">
          <ErrorNotice error={stats.error} />
          <table className="w-full text-sm" aria-label="Healing learning">
            <TableHead columns={['By', 'Name', 'Runs', 'Succeeded', 'Success rate', 'Median recovery']} />
            <tbody>
              {(
                [
                  ['rule', stats.data?.by_rule],
                  ['remediation', stats.data?.by_remediation],
                  ['finding class', stats.data?.by_class],
                ] as const
              )
                .flatMap(([by, list]) => (list ?? []).map((s) => ({ by, ...s })))
                .map((s) => (
                  <tr key={`${s.by}:${s.key}`}>
                    <td className={td}>{s.by}</td>
                    <td className={td}>{s.name}</td>
                    <td className={td}>{s.runs}</td>
                    <td className={td}>{s.succeeded}</td>
                    <td className={td}>{Math.round(s.success_rate * 100)}%</td>
                    <td className={td}>{seconds(s.median_time_to_recover_ms)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </Panel>
      </div>
    </>
  );
}
