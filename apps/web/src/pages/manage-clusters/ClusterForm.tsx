import { useMutation } from '@tanstack/react-query';
import { type ReactNode, useId, useState } from 'react';
import { useTRPC } from '../../api/trpc.js';
import { Button } from '../../components/Button.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { type ConnectionCheck, ConnectionResult } from './ConnectionResult.js';
import {
  accessOf,
  type ClusterFormState,
  type CredentialMode,
  ENVIRONMENTS,
  formErrors,
  registerInput,
  updateInput,
} from './clusterFormInput.js';

const input =
  'mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900';

function Field({ id, label, error, children }: { id: string; label: string; error?: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children}
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * Adds a cluster (from a service-account token with the API URL and CA, or a kubeconfig and context) or edits one
 * (`editing`): fields are checked as typed, "Test connection" runs `clusters.test`, and saving tests the
 * credentials again on the server before anything is stored.
 */
export function ClusterForm({
  initial,
  editing,
  onDone,
}: {
  initial: ClusterFormState;
  editing?: { id: string };
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const base = useId();
  const id = (name: string) => `${base}-${name}`;
  const [state, setState] = useState(initial);
  const [touched, setTouched] = useState(false);
  const [tested, setTested] = useState<ConnectionCheck | undefined>();
  const set = (change: Partial<ClusterFormState>) => {
    setState((s) => ({ ...s, ...change }));
    setTested(undefined);
  };
  const errors = formErrors(state, !editing);
  const shown = touched ? errors : {};
  const test = useMutation(trpc.clusters.test.mutationOptions({ onSuccess: (r) => setTested(r) }));
  const register = useMutation(trpc.clusters.register.mutationOptions({ onSuccess: onDone }));
  const update = useMutation(trpc.clusters.update.mutationOptions({ onSuccess: onDone }));
  const saving = register.isPending || update.isPending;
  const text = (name: keyof ClusterFormState, label: string, extra: { type?: string; disabled?: boolean } = {}) => (
    <Field id={id(name)} label={label} error={shown[name]}>
      <input
        id={id(name)}
        type={extra.type ?? 'text'}
        className={input}
        disabled={extra.disabled}
        value={String(state[name])}
        aria-invalid={shown[name] ? true : undefined}
        aria-describedby={shown[name] ? `${id(name)}-error` : undefined}
        onChange={(e) => set({ [name]: e.target.value } as Partial<ClusterFormState>)}
      />
    </Field>
  );
  return (
    <form
      aria-label={editing ? `Edit cluster ${initial.name}` : 'Add a cluster'}
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setTouched(true);
        if (Object.keys(errors).length > 0) return;
        if (editing) update.mutate(updateInput(editing.id, state));
        else register.mutate(registerInput(state));
      }}
    >
      <div className="grid gap-3 sm:grid-cols-2">
        {text('name', 'Name', { disabled: !!editing })}
        {text('display_name', 'Display name')}
        <Field id={id('environment')} label="Environment">
          <select
            id={id('environment')}
            className={input}
            value={state.environment}
            onChange={(e) => set({ environment: e.target.value as ClusterFormState['environment'] })}
          >
            {ENVIRONMENTS.map((env) => (
              <option key={env}>{env}</option>
            ))}
          </select>
        </Field>
        {text('labels', 'Labels (key=value, comma-separated)')}
      </div>
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium">Credentials</legend>
        <div className="flex flex-wrap gap-4 text-sm">
          {(
            [
              ['SERVICE_ACCOUNT', 'Service-account token'],
              ['KUBECONFIG', 'Kubeconfig'],
              ...(editing ? [['KEEP', 'Keep the stored credentials']] : []),
            ] as Array<[CredentialMode, string]>
          ).map(([mode, label]) => (
            <label key={mode} className="flex items-center gap-1">
              <input
                type="radio"
                name={id('credentials')}
                checked={state.credentials === mode}
                onChange={() => set({ credentials: mode })}
              />
              {label}
            </label>
          ))}
        </div>
        {state.credentials === 'SERVICE_ACCOUNT' ? (
          <div className="grid gap-3">
            {text('api_server_url', 'API server URL')}
            {text('token', 'Token', { type: 'password' })}
            <Field id={id('ca_pem')} label="CA certificate (PEM)" error={shown.ca_pem}>
              <textarea
                id={id('ca_pem')}
                rows={4}
                className={`${input} font-mono`}
                value={state.ca_pem}
                onChange={(e) => set({ ca_pem: e.target.value })}
              />
            </Field>
            <label className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={state.insecure_skip_tls_verify}
                onChange={(e) => set({ insecure_skip_tls_verify: e.target.checked })}
              />
              Skip verifying the server certificate (test clusters only)
            </label>
          </div>
        ) : null}
        {state.credentials === 'KUBECONFIG' ? (
          <div className="grid gap-3">
            <Field id={id('kubeconfig')} label="Kubeconfig" error={shown.kubeconfig}>
              <textarea
                id={id('kubeconfig')}
                rows={8}
                className={`${input} font-mono`}
                value={state.kubeconfig}
                onChange={(e) => set({ kubeconfig: e.target.value })}
              />
            </Field>
            {text('context', 'Context (the current one when empty)')}
          </div>
        ) : null}
        <p className="text-xs text-slate-600 dark:text-slate-300">
          Credentials are encrypted at rest and never shown again. OIDC logins are not supported yet.
        </p>
      </fieldset>
      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="text-sm font-medium">Observability endpoints (optional, override discovery)</legend>
        {text('prometheus_url', 'Prometheus URL')}
        {text('alertmanager_url', 'Alertmanager URL')}
        {text('loki_url', 'Loki URL')}
        {text('tempo_url', 'Tempo URL')}
      </fieldset>
      {tested ? <ConnectionResult result={tested} /> : null}
      <ErrorNotice error={test.error ?? register.error ?? update.error} />
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          disabled={test.isPending || (state.credentials === 'KEEP' && !editing)}
          onClick={() => {
            setTouched(true);
            const credentialErrors = ['api_server_url', 'token', 'ca_pem', 'kubeconfig'].filter((k) => k in errors);
            if (credentialErrors.length > 0) return;
            test.mutate(
              state.credentials === 'KEEP' && editing
                ? { id: editing.id }
                : { ...(editing ? { id: editing.id } : {}), ...accessOf(state) },
            );
          }}
        >
          {test.isPending ? 'Testing…' : 'Test connection'}
        </Button>
        <Button type="submit" disabled={saving}>
          {saving ? 'Saving…' : editing ? 'Save changes' : 'Add cluster'}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
