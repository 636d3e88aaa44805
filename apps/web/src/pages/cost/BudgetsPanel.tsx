import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../../api/trpc.js';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Panel } from '../../components/Panel.js';
import { money } from './costSeries.js';

const td = 'px-2 py-1 align-top';
const input = 'rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900';

/** Budgets with their spend and forecast this period, a form to add one, and "Check now" to send alerts. */
export function BudgetsPanel({ clusterId }: { clusterId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [namespace, setNamespace] = useState('');
  const [amount, setAmount] = useState('100');
  const clusters = clusterId ? [clusterId] : [];
  const budgets = useQuery({
    ...trpc.costOptimizer.budgets.queryOptions({ cluster_ids: clusters }),
    enabled: clusterId !== '',
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.costOptimizer.budgets.queryKey() });
  const save = useMutation(trpc.costOptimizer.setBudget.mutationOptions({ onSuccess: refresh }));
  const check = useMutation(trpc.costOptimizer.checkBudgets.mutationOptions({ onSuccess: refresh }));
  return (
    <Panel
      title="Budgets"
      actions={
        <Button disabled={check.isPending || !clusterId} onClick={() => check.mutate({ cluster_ids: clusters })}>
          Check now
        </Button>
      }
    >
      <ErrorNotice error={budgets.error ?? save.error ?? check.error} />
      <form
        className="mb-3 flex flex-wrap items-end gap-3 text-sm"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({
            name,
            amount: Number(amount),
            scope: { ...(clusterId ? { cluster_id: clusterId } : {}), ...(namespace ? { namespace } : {}) },
          });
        }}
      >
        <label className="flex flex-col gap-1">
          Budget name
          <input className={input} value={name} onChange={(e) => setName(e.target.value)} required />
        </label>
        <label className="flex flex-col gap-1">
          Namespace (empty: whole cluster)
          <input className={input} value={namespace} onChange={(e) => setNamespace(e.target.value)} />
        </label>
        <label className="flex flex-col gap-1">
          Monthly amount
          <input
            className={input}
            type="number"
            min="0.0001"
            step="any"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
          />
        </label>
        <Button type="submit" disabled={save.isPending || !name}>
          Save budget
        </Button>
      </form>
      {check.data ? (
        <ul data-testid="budget-notices" className="mb-3 text-sm">
          {check.data.notices.length === 0 ? <li>No threshold newly reached.</li> : null}
          {check.data.notices.map((n) => (
            <li key={`${n.budget_id}/${n.kind}/${n.threshold_percent}`}>
              <Badge tone={n.kind === 'ACTUAL' ? 'bad' : 'warn'}>{n.kind}</Badge> {n.message}
            </li>
          ))}
        </ul>
      ) : null}
      <table aria-label="Budgets" className="w-full text-sm">
        <thead>
          <tr className="text-left">
            {['Budget', 'Scope', 'Amount', 'Spent', 'Forecast', 'Thresholds'].map((h) => (
              <th key={h} className={td}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {budgets.data?.items.map((b) => (
            <tr key={b.budget.id} className="border-t border-slate-200 dark:border-slate-700">
              <td className={td}>{b.budget.name}</td>
              <td className={`${td} font-mono`}>{b.budget.scope.namespace ?? b.budget.scope.label ?? 'cluster'}</td>
              <td className={td}>{money(b.budget.amount, b.budget.currency)}</td>
              <td className={td}>
                {money(b.spend, b.budget.currency)} ({b.percent} %)
              </td>
              <td className={td}>
                {money(b.forecast, b.budget.currency)} ({b.forecast_percent} %)
              </td>
              <td className={td}>{b.budget.thresholds_percent.join(', ')} %</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Panel>
  );
}
