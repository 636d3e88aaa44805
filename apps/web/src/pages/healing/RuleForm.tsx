import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTRPC } from '../../api/trpc.js';
import { Button } from '../../components/Button.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Panel } from '../../components/Panel.js';

const field =
  'rounded-md border border-slate-300 bg-white px-2 py-1.5 font-normal dark:border-slate-600 dark:bg-slate-900';

/**
 * A new healing rule: the remediation (from the catalogue) and the finding class it answers, the namespaces it may
 * act in, its mode and dry run. The server validates it and refuses an unsafe rule with the reason shown here.
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
  };
  const catalogue = useQuery(trpc.healing.catalogue.queryOptions());
  const [name, setName] = useState('');
  const [remediation, setRemediation] = useState('');
  const [finding, setFinding] = useState('');
  const [namespaces, setNamespaces] = useState('');
  const [mode, setMode] = useState<'suggest' | 'approval' | 'automatic'>('approval');
  const [dryRun, setDryRun] = useState(false);
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
          create.mutate({
            name: name.trim(),
            condition_type: finding || chosen?.finding_classes[0] || '',
            condition_config: {
              namespaces: namespaces
                .split(',')
                .map((n) => n.trim())
                .filter(Boolean),
            },
            action_type: remediation,
            action_config: { mode, dry_run: dryRun },
          });
        }}
      >
        <label htmlFor={ids.name} className="flex flex-col gap-1 text-sm font-medium">
          Name
          <input id={ids.name} className={field} required value={name} onChange={(e) => setName(e.target.value)} />
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
          </select>
        </label>
        <label htmlFor={ids.finding} className="flex flex-col gap-1 text-sm font-medium">
          Finding
          <select id={ids.finding} className={field} value={finding} onChange={(e) => setFinding(e.target.value)}>
            {(chosen?.finding_classes ?? []).map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </label>
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
