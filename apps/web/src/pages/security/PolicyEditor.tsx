import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../../api/trpc.js';
import { Button } from '../../components/Button.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Panel } from '../../components/Panel.js';
import { EnforcePolicyButton } from './EnforcePolicyButton.js';

const field = 'rounded-md border border-slate-300 bg-white px-2 py-1.5 dark:border-slate-600 dark:bg-slate-900';

/**
 * The policy editor: a plain-English policy is mapped onto a library template (shown before saving, or the closest
 * templates when it cannot be mapped), audited on the chosen cluster (VIOLATING lines) and saved; the saved policies
 * are listed, each with an Enforce button (a ValidatingAdmissionPolicy proposed for review).
 */
export function PolicyEditor({ clusterId }: { clusterId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [sentence, setSentence] = useState('');
  const [name, setName] = useState('');
  const policies = useQuery(trpc.security.policies.queryOptions());
  const map = useMutation(trpc.security.mapPolicy.mutationOptions());
  const audit = useMutation(trpc.security.audit.mutationOptions());
  const create = useMutation(
    trpc.security.createPolicy.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.security.policies.queryKey() }),
    }),
  );
  const mapped = map.data;
  return (
    <Panel title="Policies">
      <form
        className="flex flex-col gap-2 text-sm"
        onSubmit={(e) => {
          e.preventDefault();
          map.mutate({ sentence });
        }}
      >
        <label className="flex flex-col gap-1 font-medium">
          Policy in plain English
          <input
            className={field}
            value={sentence}
            placeholder="all deployments must have an owner label"
            onChange={(e) => setSentence(e.target.value)}
          />
        </label>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={!sentence.trim()}>
            Map to template
          </Button>
          <Button
            variant="secondary"
            disabled={!sentence.trim() || !clusterId}
            onClick={() => audit.mutate({ cluster_id: clusterId, sentence })}
          >
            Audit cluster
          </Button>
        </div>
      </form>
      <ErrorNotice error={map.error ?? audit.error ?? create.error} />
      {mapped ? (
        <div className="mt-3 text-sm" data-testid="policy-mapping">
          {mapped.ok ? (
            <p>
              Template: <span className="font-mono">{mapped.explanation}</span>
            </p>
          ) : (
            <>
              <p>Not mapped: {mapped.reason}.</p>
              <p>Closest templates:</p>
              <ul className="list-disc pl-6">
                {mapped.closest.map((c) => (
                  <li key={c.template}>
                    <span className="font-mono">{c.template}</span> — {c.description}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      ) : null}
      {audit.data ? (
        <pre
          className="mt-3 overflow-x-auto rounded bg-slate-100 p-2 text-xs dark:bg-slate-800"
          data-testid="audit-lines"
        >
          {audit.data.status === 'offline'
            ? `OFFLINE: ${audit.data.errors.join('; ')}`
            : audit.data.lines.length === 0
              ? 'No violations.'
              : audit.data.lines.join('\n')}
        </pre>
      ) : null}
      {mapped?.ok ? (
        <form
          className="mt-3 flex flex-wrap items-end gap-2 text-sm"
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate({ name, sentence, parameters: {}, match: {}, enforcement: 'audit' });
          }}
        >
          <label className="flex flex-col gap-1 font-medium">
            Policy name
            <input className={field} value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          <Button type="submit" disabled={!name.trim()}>
            Save policy
          </Button>
        </form>
      ) : null}
      <table className="mt-4 w-full text-sm" aria-label="Saved policies">
        <thead>
          <tr>
            {['Name', 'Template', 'Parameters', 'Enforcement', 'Sentence', 'Admission'].map((h) => (
              <th key={h} className="px-2 py-1 text-left font-medium">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {policies.data?.map((p) => (
            <tr key={p.id}>
              <td className="px-2 py-1">{p.name}</td>
              <td className="px-2 py-1 font-mono">{p.template}</td>
              <td className="px-2 py-1 font-mono">{JSON.stringify(p.parameters)}</td>
              <td className="px-2 py-1">{p.enforcement}</td>
              <td className="px-2 py-1">{p.sentence ?? '-'}</td>
              <td className="px-2 py-1">
                <EnforcePolicyButton clusterId={clusterId} policyId={p.id} name={p.name} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Panel>
  );
}
