import type { KubeObject } from '@opspilot/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askFixHarness, deployment, namespace } from './__fixtures__/askFixHarness.js';

// biome-ignore lint/suspicious/noExplicitAny: objects read back from the cluster, checked field by field
type Json = Record<string, any>;
let h: Awaited<ReturnType<typeof askFixHarness>>;
beforeAll(async () => {
  h = await askFixHarness();
});
afterAll(() => h?.stop());

const live = async (kind: string, name: string, ns?: string) =>
  (await h.gateway.get({ kind, name, ...(ns ? { namespace: ns } : {}) })) as Json | undefined;
const podSpec = async (name: string, ns: string) => (await live('Deployment', name, ns))?.spec.template.spec;

describe('ask "fix …" with the other remediations of the catalogue (API, simulated cluster)', () => {
  it('liveness probe on a port nothing listens on: "web keeps restarting, fix it" points it at the declared port', async () => {
    await h.apply(
      namespace('ask-live'),
      deployment('ask-live', 'web', { livenessProbe: { tcpSocket: { port: 8080 }, periodSeconds: 5 } }),
    );
    await h.findingFor('pod-liveness-probe', 'web-', 'ask-live');
    const done = await h.askAndFix('web keeps restarting, fix it', 'ask-live');
    expect(done.plan.planner).toBe('remediate:probe:fix-target');
    expect(done.fix.status, done.fix.message).toBe('VERIFIED');
    expect((await podSpec('web', 'ask-live')).containers[0].livenessProbe.tcpSocket.port).toBe(80);
  });

  it('Pending on node affinity: "fix the pending pod of typo" corrects the value no node carries', async () => {
    const requiring = {
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/os', operator: 'In', values: ['linx'] }] }],
          },
        },
      },
    };
    await h.apply(namespace('ask-node'), deployment('ask-node', 'typo', {}, requiring));
    await h.findingFor('pod-unschedulable', 'typo-', 'ask-node');
    const done = await h.askAndFix('fix the pending pod of typo', 'ask-node');
    expect(done.plan.planner).toBe('remediate:scheduling:fix-node-affinity');
    expect(done.fix.status, done.fix.message).toBe('VERIFIED');
    const term = (await podSpec('typo', 'ask-node')).affinity.nodeAffinity
      .requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0];
    expect(term.matchExpressions[0].values).toEqual(['linux']);
  });

  it('a denial at the cluster scope: "watcher gets permission denied, fix it" creates the narrowest cluster-wide rule', async () => {
    const denied =
      'Error from server (Forbidden): nodes is forbidden: User "system:serviceaccount:ask-ops:watcher" cannot list resource "nodes" in API group "" at the cluster scope';
    await h.apply(
      namespace('ask-ops'),
      { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'watcher', namespace: 'ask-ops' } } as KubeObject,
      deployment(
        'ask-ops',
        'watcher',
        { image: 'busybox:1.36', ports: [], command: ['sh', '-c', `echo '${denied}'; exit 1`] },
        { serviceAccountName: 'watcher' },
      ),
    );
    await h.findingFor('pod-crash-loop', 'watcher-', 'ask-ops');
    const done = await h.askAndFix('watcher gets permission denied, fix it', 'ask-ops');
    expect(done.plan.planner).toBe('remediate:rbac:grant-cluster-rule');
    expect(done.plan.assumptions).toContainEqual(
      expect.stringMatching(/^chosen rbac:grant-cluster-rule \(confidence \d+%\)$/),
    );
    expect(done.fix.status, done.fix.message).toBe('VERIFIED');
    expect((await live('ClusterRole', 'ask-ops-watcher-nodes-list'))?.rules).toEqual([
      { apiGroups: [''], resources: ['nodes'], verbs: ['list'] },
    ]);
    expect((await live('ClusterRoleBinding', 'ask-ops-watcher-nodes-list'))?.subjects).toEqual([
      expect.objectContaining({ kind: 'ServiceAccount', name: 'watcher', namespace: 'ask-ops' }),
    ]);
  });
});
