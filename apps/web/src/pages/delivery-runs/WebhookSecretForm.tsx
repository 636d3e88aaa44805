import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../../api/trpc.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Panel } from '../../components/Panel.js';

const input = 'rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-800';

/** The CI webhook sources and a form to set a source's secret (administrators; secrets are never shown). */
export function WebhookSecretForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [provider, setProvider] = useState<'GITHUB' | 'GITLAB'>('GITHUB');
  const [name, setName] = useState('default');
  const [secret, setSecret] = useState('');
  const sources = useQuery(trpc.delivery.webhookSecrets.queryOptions({}));
  const save = useMutation(
    trpc.delivery.setWebhookSecret.mutationOptions({
      onSuccess: async () => {
        setSecret('');
        await queryClient.invalidateQueries({ queryKey: trpc.delivery.webhookSecrets.queryKey() });
      },
    }),
  );
  return (
    <Panel title="Webhook secrets">
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ provider, name, secret });
        }}
      >
        <label className="flex flex-col text-sm">
          CI system
          <select className={input} value={provider} onChange={(e) => setProvider(e.target.value as typeof provider)}>
            <option value="GITHUB">GitHub</option>
            <option value="GITLAB">GitLab</option>
          </select>
        </label>
        <label className="flex flex-col text-sm">
          Source
          <input className={input} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="flex flex-col text-sm">
          Secret
          <input
            className={input}
            type="password"
            autoComplete="new-password"
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
          />
        </label>
        <button
          type="submit"
          className="rounded bg-slate-900 px-3 py-1 text-sm text-white dark:bg-slate-100 dark:text-slate-900"
          disabled={secret.length < 16 || save.isPending}
        >
          Save secret
        </button>
      </form>
      <ErrorNotice error={save.error ?? sources.error} />
      <ul aria-label="Webhook sources" className="mt-3 text-sm">
        {(sources.data ?? []).map((s) => (
          <li key={`${s.provider}/${s.name}`}>
            {s.provider.toLowerCase()} · {s.name} — set by {s.created_by} at{' '}
            {s.updated_at.replace('T', ' ').slice(0, 16)} ·{' '}
            <code>
              /api/webhooks/{s.provider.toLowerCase()}
              {s.name === 'default' ? '' : `?source=${s.name}`}
            </code>
          </li>
        ))}
      </ul>
    </Panel>
  );
}
