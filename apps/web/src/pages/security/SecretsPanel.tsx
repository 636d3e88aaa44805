import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTRPC } from '../../api/trpc.js';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Panel } from '../../components/Panel.js';

const th = 'px-2 py-1 text-left font-medium';
const td = 'px-2 py-1 align-top';

/**
 * Secret rotation: each Secret's age against the maximum-age policy and the workloads that read it; Rotate proposes
 * new random values and a restart of those workloads as one operation through review (values never shown).
 */
export function SecretsPanel({ clusterId }: { clusterId: string }) {
  const trpc = useTRPC();
  const [proposed, setProposed] = useState<Record<string, { id: string; state: string }>>({});
  const secrets = useQuery({
    ...trpc.security.secrets.queryOptions({ cluster_id: clusterId }),
    enabled: clusterId !== '',
  });
  const rotate = useMutation(trpc.security.rotateSecret.mutationOptions());
  return (
    <Panel title="Secrets">
      <ErrorNotice error={secrets.error ?? rotate.error} />
      {secrets.data ? <p className="mb-2 text-sm">Maximum age: {secrets.data.max_age_days} days.</p> : null}
      <table className="w-full text-sm" aria-label="Secret ages">
        <thead>
          <tr>
            {['Secret', 'Type', 'Age', 'Status', 'Used by', ''].map((h) => (
              <th key={h} className={th}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {secrets.data?.items.map((s) => {
            const key = `${s.namespace}/${s.name}`;
            const done = proposed[key];
            return (
              <tr key={key}>
                <td className={`${td} font-mono`}>{key}</td>
                <td className={td}>{s.type}</td>
                <td className={td}>
                  {s.age_days}d / {s.max_age_days}d
                </td>
                <td className={td}>
                  <Badge tone={s.overdue ? 'bad' : 'good'}>{s.overdue ? 'OVERDUE' : 'ok'}</Badge>
                </td>
                <td className={td}>{s.consumers.map((c) => `${c.kind.toLowerCase()}/${c.name}`).join(', ') || '-'}</td>
                <td className={td}>
                  {done ? (
                    <span data-testid="rotation-proposed" className="text-xs">
                      <Link className="text-sky-700 underline dark:text-sky-400" to="/reviews">
                        operation {done.id.slice(0, 8)}
                      </Link>{' '}
                      ({done.state})
                    </span>
                  ) : (
                    <Button
                      variant="secondary"
                      aria-label={`Rotate ${key}`}
                      disabled={rotate.isPending || s.type !== 'Opaque'}
                      title={s.type !== 'Opaque' ? 'supply its new values with opspilot security rotate' : undefined}
                      onClick={() =>
                        rotate.mutate(
                          { cluster_id: clusterId, namespace: s.namespace, name: s.name },
                          { onSuccess: (op) => setProposed((p) => ({ ...p, [key]: { id: op.id, state: op.state } })) },
                        )
                      }
                    >
                      Rotate
                    </Button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Panel>
  );
}
