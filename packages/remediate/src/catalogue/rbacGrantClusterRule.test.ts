import type { KubeObject } from '@opspilot/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixFinding } from '../__fixtures__/fixFinding.js';
import { deployment, namespace, remediateHarness } from '../__fixtures__/remediateHarness.js';
import { accountIsGranted } from '../cluster/rbacGrants.js';
import { validateHealingRule } from '../healing/validateHealingRule.js';

let h: Awaited<ReturnType<typeof remediateHarness>>;
beforeAll(async () => {
  h = await remediateHarness();
});
afterAll(() => h?.stop());

const DENIED =
  'Error from server (Forbidden): nodes is forbidden: User "system:serviceaccount:ops:watcher" cannot list resource "nodes" in API group "" at the cluster scope';
const wanted = { serviceAccount: 'watcher', accountNamespace: 'ops', verb: 'list', resource: 'nodes', group: '' };

describe('rbac:grant-cluster-rule on the simulated cluster', () => {
  it('creates the minimal ClusterRole and binding for a cluster-scope denial, approved by a person, verified', async () => {
    await h.apply(
      namespace('ops'),
      { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'watcher', namespace: 'ops' } } as KubeObject,
      deployment(
        'ops',
        'watcher',
        { image: 'busybox:1.36', ports: [], command: ['sh', '-c', `echo '${DENIED}'; exit 1`] },
        { serviceAccountName: 'watcher' },
        1,
      ),
    );
    expect(await accountIsGranted(h.gateway, wanted)).toBe(false);
    const finding = await h.findingFor('pod-crash-loop', 'watcher-', 'ops');
    const namespaced = await h.remediator.diagnose(finding, { only: 'rbac:grant-denied-rule' });
    expect(namespaced.declined).toEqual([expect.stringContaining('needs a ClusterRole')]);
    const { candidate, proposed, outcome } = await fixFinding(h, finding, 'rbac:grant-cluster-rule');
    expect(candidate.summary).toBe(
      'let service account ops/watcher list nodes cluster-wide (new ClusterRole and ClusterRoleBinding ops-watcher-nodes-list)',
    );
    expect(candidate.steps.map((s) => s.description)).toEqual([
      'create ClusterRole ops-watcher-nodes-list',
      'bind ClusterRole ops-watcher-nodes-list to ops/watcher',
    ]);
    expect(proposed.operation.risk).toBe('destructive');
    expect(outcome.status, outcome.message).toBe('VERIFIED');
    expect(outcome.message).toBe('RBAC: ops/watcher may list nodes cluster-wide');
    const role = await h.gateway.get({ kind: 'ClusterRole', name: 'ops-watcher-nodes-list' });
    expect((role as { rules?: unknown[] }).rules).toEqual([{ apiGroups: [''], resources: ['nodes'], verbs: ['list'] }]);
    expect(await accountIsGranted(h.gateway, wanted)).toBe(true);
  });

  it('can never run under an automatic healing rule', () => {
    expect(() =>
      validateHealingRule({
        condition_type: 'pod-crash-loop',
        condition_config: { namespaces: ['ops'] },
        action_type: 'rbac:grant-cluster-rule',
        action_config: { mode: 'automatic' },
      }),
    ).toThrow(/can be destructive and cannot run automatically/);
  });
});
