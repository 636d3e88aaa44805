import { Badge } from '../../components/Badge.js';

/** What `clusters.test` answered. */
export interface ConnectionCheck {
  ok: boolean;
  server?: string;
  version?: string;
  reachable: boolean;
  authenticated: boolean;
  can_list_pods: boolean;
  latency_ms?: number;
  failure?: { type: string; message: string; hint?: string };
}

/** The checks of a connection test, each passed or not, and the failure's reason and hint. */
export function ConnectionResult({ result }: { result: ConnectionCheck }) {
  const rows = [
    ['Reachable', result.reachable, result.latency_ms === undefined ? '' : `${result.latency_ms} ms`],
    ['Version', result.version !== undefined, result.version ?? ''],
    ['Credentials accepted', result.authenticated, ''],
    ['May list pods (RBAC)', result.can_list_pods, ''],
  ] as const;
  return (
    <section
      aria-label="Connection test"
      className="space-y-2 rounded-md border border-slate-200 p-3 dark:border-slate-700"
    >
      <p>
        <Badge tone={result.ok ? 'good' : 'bad'}>
          {result.ok ? 'Connection OK' : `Connection failed: ${result.failure?.type}`}
        </Badge>
      </p>
      <ul className="text-sm">
        {rows.map(([label, passed, detail]) => (
          <li key={label}>
            {passed ? '✓' : '✗'} {label}
            {detail ? ` — ${detail}` : ''}
          </li>
        ))}
      </ul>
      {result.failure ? (
        <p role="alert" className="text-sm">
          {result.failure.message}
          {result.failure.hint ? ` — ${result.failure.hint}` : ''}
        </p>
      ) : null}
    </section>
  );
}
