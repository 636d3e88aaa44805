import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTRPC } from '../../api/trpc.js';
import { Button } from '../../components/Button.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Panel } from '../../components/Panel.js';

const field =
  'rounded-md border border-slate-300 bg-white px-2 py-1.5 font-normal dark:border-slate-600 dark:bg-slate-900';

/**
 * A new healing rule: what triggers it (a finding class, or anomalies or incidents about objects), its action (a
 * remediation of the catalogue, or an incident runbook), the namespaces it may act in, its mode, dry run and
 * blast-radius limits. The server validates it and refuses an unsafe rule with the reason shown here.
 */
export function RuleForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const ids = {
    name: useId(),
    remediation: useId(),
    finding: useId(),
    namespaces: useId(),
    mode: useId(),
    dry: useId(),
    trigger: useId(),
    runbook: useId(),
    percent: useId(),
    concurrent: useId(),
  };
  const catalogue = useQuery(trpc.healing.catalogue.queryOptions());
  const [name, setName] = useState('');
  const [remediation, setRemediation] = useState('');
  const [finding, setFinding] = useState('');
  const [namespaces, setNamespaces] = useState('');
  const [mode, setMode] = useState<'suggest' | 'approval' | 'automatic'>('approval');
  const [dryRun, setDryRun] = useState(false);
  const [trigger, setTrigger] = useState<'finding' | 'anomaly' | 'incident'>('finding');
  const [runbook, setRunbook] = useState('');
  const [percent, setPercent] = useState('');
  const [concurrent, setConcurrent] = useState('');
  const limit = (value: string) => (value.trim() ? Number(value) : undefined);
  const chosen = catalogue.data?.find((r) => r.id === remediation);
  const create = useMutation(
    trpc.healing.createRule.mutationOptions({
      onSuccess: () => {
        setName('');
        void queryClient.invalidateQueries({ queryKey: trpc.healing.rules.queryKey() });
      },
    }),
  );
  return (
    <Panel title="New rule">
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          const runsBook = remediation === 'runbook';
          create.mutate({
            name: name.trim(),
            condition_type: trigger === 'finding' ? finding || chosen?.finding_classes[0] || '' : trigger,
            condition_config: {
              namespaces: namespaces
                .split(',')
                .map((n) => n.trim())
                .filter(Boolean),
            },
            action_type: remediation,
            action_config: {
              mode,
              dry_run: dryRun,
              ...(runsBook ? { runbook: runbook.trim() } : {}),
              ...(limit(percent) ? { max_replicas_percent: limit(percent) } : {}),
              ...(limit(concurrent) ? { max_concurrent_per_cluster: limit(concurrent) } : {}),
            },
          });
        }}
      >
        <label htmlFor={ids.name} className="flex flex-col gap-1 text-sm font-medium">
          Name
          <input id={ids.name} className={field} required value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label htmlFor={ids.trigger} className="flex flex-col gap-1 text-sm font-medium">
          Trigger
          <select
            id={ids.trigger}
            className={field}
            value={trigger}
            onChange={(e) => setTrigger(e.target.value as typeof trigger)}
          >
            <option value="finding">finding</option>
            <option value="anomaly">anomaly</option>
            <option value="incident">incident</option>
          </select>
        </label>
        <label htmlFor={ids.remediation} className="flex flex-col gap-1 text-sm font-medium">
          Remediation
          <select
            id={ids.remediation}
            className={field}
            required
            value={remediation}
            onChange={(e) => {
              setRemediation(e.target.value);
              setFinding('');
            }}
          >
            <option value="">choose…</option>
            {catalogue.data?.map((r) => (
              <option key={r.id} value={r.id}>
                {r.id}: {r.title}
              </option>
            ))}
            <option value="runbook">runbook: run an incident runbook</option>
          </select>
        </label>
        {remediation === 'runbook' ? (
          <label htmlFor={ids.runbook} className="flex flex-col gap-1 text-sm font-medium">
            Runbook
            <input
              id={ids.runbook}
              className={field}
              placeholder="scale-out"
              value={runbook}
              onChange={(e) => setRunbook(e.target.value)}
            />
          </label>
        ) : null}
        {trigger === 'finding' ? (
          <label htmlFor={ids.finding} className="flex flex-col gap-1 text-sm font-medium">
            Finding
            <select id={ids.finding} className={field} value={finding} onChange={(e) => setFinding(e.target.value)}>
              {(chosen?.finding_classes ?? []).map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          </label>
        ) : null}
        <label htmlFor={ids.namespaces} className="flex flex-col gap-1 text-sm font-medium">
          Namespaces
          <input
            id={ids.namespaces}
            className={field}
            placeholder="shop,payments"
            value={namespaces}
            onChange={(e) => setNamespaces(e.target.value)}
          />
        </label>
        <label htmlFor={ids.mode} className="flex flex-col gap-1 text-sm font-medium">
          Mode
          <select id={ids.mode} className={field} value={mode} onChange={(e) => setMode(e.target.value as typeof mode)}>
            <option value="suggest">suggest</option>
            <option value="approval">approval</option>
            <option value="automatic">automatic</option>
          </select>
        </label>
        <label htmlFor={ids.percent} className="flex flex-col gap-1 text-sm font-medium">
          Max % of replicas
          <input
            id={ids.percent}
            className={`${field} w-24`}
            type="number"
            min={1}
            max={100}
            placeholder="100"
            value={percent}
            onChange={(e) => setPercent(e.target.value)}
          />
        </label>
        <label htmlFor={ids.concurrent} className="flex flex-col gap-1 text-sm font-medium">
          Max running per cluster
          <input
            id={ids.concurrent}
            className={`${field} w-24`}
            type="number"
            min={1}
            max={50}
            placeholder="2"
            value={concurrent}
            onChange={(e) => setConcurrent(e.target.value)}
          />
        </label>
        <label htmlFor={ids.dry} className="flex items-center gap-2 text-sm font-medium">
          <input id={ids.dry} type="checkbox" checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} />
          Dry run only
        </label>
        <Button type="submit" disabled={create.isPending || !name.trim() || !remediation}>
          Save rule
        </Button>
      </form>
      <ErrorNotice error={create.error} />
    </Panel>
  );
}
