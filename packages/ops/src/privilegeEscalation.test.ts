import type { PlanStep } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { privilegeEscalation } from './privilegeEscalation.js';

type Json = Record<string, unknown>;
const container = (securityContext?: Json) => ({ name: 'app', image: 'nginx:1.27', securityContext });
const apply = (kind: string, rest: Json, mode: 'create' | 'patch' = 'create'): PlanStep =>
  ({
    op: 'apply',
    mode,
    object: { apiVersion: 'v1', kind, metadata: { name: 'x', namespace: 'todo' }, ...rest },
    description: `apply ${kind}`,
  }) as PlanStep;
const pod = (spec: Json) => apply('Pod', { spec });
const template = (spec: Json) => ({ template: { metadata: { labels: { app: 'x' } }, spec } });

describe('privilegeEscalation', () => {
  it('finds nothing in an ordinary pod, workload or role', () => {
    expect(privilegeEscalation(pod({ containers: [container()] }))).toEqual([]);
    expect(
      privilegeEscalation(
        pod({ containers: [container({ capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] } })] }),
      ),
    ).toEqual([]);
    expect(privilegeEscalation(apply('Deployment', { spec: template({ containers: [container()] }) }))).toEqual([]);
    expect(
      privilegeEscalation(apply('Role', { rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }] })),
    ).toEqual([]);
    expect(privilegeEscalation(apply('RoleBinding', { roleRef: { kind: 'Role', name: 'reader' } }))).toEqual([]);
  });

  it.each([
    ['a privileged container', pod({ containers: [container({ privileged: true })] }), /container app is privileged/],
    [
      'allowPrivilegeEscalation',
      pod({ containers: [container({ allowPrivilegeEscalation: true })] }),
      /container app allows privilege escalation/,
    ],
    [
      'SYS_ADMIN',
      pod({ containers: [container({ capabilities: { add: ['SYS_ADMIN'] } })] }),
      /adds capabilities SYS_ADMIN/,
    ],
    [
      'NET_ADMIN on an init container',
      pod({ containers: [container()], initContainers: [container({ capabilities: { add: ['CAP_NET_ADMIN'] } })] }),
      /adds capabilities NET_ADMIN/,
    ],
    ['ALL capabilities', pod({ containers: [container({ capabilities: { add: ['ALL'] } })] }), /adds capabilities ALL/],
    ['hostPID', pod({ hostPID: true, containers: [container()] }), /hostPID: true shares the node's namespace/],
    ['hostNetwork', pod({ hostNetwork: true, containers: [container()] }), /hostNetwork: true/],
    ['hostIPC', pod({ hostIPC: true, containers: [container()] }), /hostIPC: true/],
    [
      'a hostPath volume',
      pod({ containers: [container()], volumes: [{ name: 'root', hostPath: { path: '/' } }] }),
      /volume root mounts hostPath \/ from the node/,
    ],
  ])('flags %s in a Pod', (_what, step, reason) => {
    expect(privilegeEscalation(step)).toEqual([expect.stringMatching(reason)]);
    expect(privilegeEscalation(step)[0]).toMatch(/^privileged: Pod todo\/x /);
  });

  it.each(['Deployment', 'DaemonSet', 'StatefulSet', 'ReplicaSet', 'Job'])(
    'flags the pod template of a %s, created or patched',
    (kind) => {
      const spec = template({ hostNetwork: true, containers: [container({ privileged: true })] });
      for (const mode of ['create', 'patch'] as const) {
        expect(privilegeEscalation(apply(kind, { spec }, mode))).toEqual([
          `privileged: ${kind} todo/x hostNetwork: true shares the node's namespace`,
          `privileged: ${kind} todo/x container app is privileged`,
        ]);
      }
    },
  );

  it("flags a CronJob's job template", () => {
    const spec = {
      schedule: '* * * * *',
      jobTemplate: { spec: template({ hostPID: true, containers: [container()] }) },
    };
    expect(privilegeEscalation(apply('CronJob', { spec }))).toEqual([
      "privileged: CronJob todo/x hostPID: true shares the node's namespace",
    ]);
  });

  it('flags bindings to cluster-admin or admin and roles with wildcards', () => {
    expect(privilegeEscalation(apply('ClusterRoleBinding', { roleRef: { name: 'cluster-admin' } }))).toEqual([
      'privileged: ClusterRoleBinding todo/x binds subjects to cluster-admin',
    ]);
    expect(privilegeEscalation(apply('RoleBinding', { roleRef: { name: 'admin' } }))).toHaveLength(1);
    for (const rule of [
      { apiGroups: ['*'], resources: ['pods'], verbs: ['get'] },
      { apiGroups: [''], resources: ['*'], verbs: ['get'] },
      { apiGroups: [''], resources: ['pods'], verbs: ['*'] },
    ]) {
      expect(privilegeEscalation(apply('ClusterRole', { rules: [rule] }))).toEqual([
        'privileged: ClusterRole todo/x ClusterRole grants wildcard (*) permissions',
      ]);
    }
  });
});
