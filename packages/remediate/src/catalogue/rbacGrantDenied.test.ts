import type { KubeObject } from '@opspilot/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixFinding } from '../__fixtures__/fixFinding.js';
import { deployment, namespace, remediateHarness } from '../__fixtures__/remediateHarness.js';
import { accountIsGranted } from '../cluster/rbacGrants.js';
import { findDenial } from './forbiddenMessage.js';

let h: Awaited<ReturnType<typeof remediateHarness>>;
beforeAll(async () => {
  h = await remediateHarness();
});
afterAll(() => h?.stop());

const DENIED =
  'Error from server (Forbidden): pods is forbidden: User "system:serviceaccount:rbac:lister" cannot list resource "pods" in API group "" in the namespace "rbac"';
const rbac = (kind: string, name: string, body: Record<string, unknown>) =>
  ({ apiVersion: 'rbac.authorization.k8s.io/v1', kind, metadata: { name, namespace: 'rbac' }, ...body }) as KubeObject;
const wanted = {
  serviceAccount: 'lister',
  accountNamespace: 'rbac',
  verb: 'list',
  resource: 'pods',
  group: '',
  namespace: 'rbac',
};

describe('rbac:grant-denied-rule on the simulated cluster', () => {
  it('reads a denial as the API server words it', () => {
    expect(findDenial(`starting\n${DENIED}\n`)).toMatchObject({
      serviceAccount: 'lister',
      verb: 'list',
      resource: 'pods',
      group: '',
      namespace: 'rbac',
    });
    expect(findDenial('connection refused')).toBeUndefined();
  });

  it('adds the one missing rule to the Role that grants the wrong resource, after a typed confirmation', async () => {
    await h.apply(
      namespace('rbac'),
      { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'lister', namespace: 'rbac' } } as KubeObject,
      rbac('Role', 'lister', { rules: [{ apiGroups: [''], resources: ['pod'], verbs: ['list'] }] }),
      rbac('RoleBinding', 'lister', {
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'lister' },
        subjects: [{ kind: 'ServiceAccount', name: 'lister', namespace: 'rbac' }],
      }),
      deployment(
        'rbac',
        'lister',
        { image: 'busybox:1.36', ports: [], command: ['sh', '-c', `echo '${DENIED}'; exit 1`] },
        { serviceAccountName: 'lister' },
        1,
      ),
    );
    expect(await accountIsGranted(h.gateway, wanted)).toBe(false);
    const finding = await h.findingFor('pod-crash-loop', 'lister-', 'rbac');
    const { candidate, proposed, outcome } = await fixFinding(h, finding, 'rbac:grant-denied-rule');
    expect(candidate.summary).toBe(
      'let service account rbac/lister list pods in namespace rbac (one rule added to Role lister)',
    );
    expect(candidate.evidence.map((e) => e.detail)).toContain(
      'bound to the account by lister; grants list pod in group(s) "", not this request',
    );
    expect(proposed.operation.risk).toBe('destructive');
    expect(outcome.status, outcome.message).toBe('VERIFIED');
    expect(await accountIsGranted(h.gateway, wanted)).toBe(true);
    const role = await h.gateway.get({ kind: 'Role', name: 'lister', namespace: 'rbac' });
    expect((role as { rules?: unknown[] }).rules).toEqual([
      expect.objectContaining({ resources: ['pod'] }),
      expect.objectContaining({ resources: ['pods'], verbs: ['list'] }),
    ]);
  });
});
