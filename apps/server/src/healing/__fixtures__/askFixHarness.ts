import type { Finding, KubeObject } from '@opspilot/core';
import { createClusterGateway } from '@opspilot/kube';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { advanceClock } from '@opspilot/kube-sim/testing';
import { currentFindings } from '@opspilot/remediate';
import { expect } from 'vitest';
import { startTestApi, type TestApi } from '../../testing/index.js';
import { settlingFixes } from '../fixSettlement.js';

/** A Deployment of one container `app` (nginx unless `container` says otherwise) labelled `app: name`. */
export function deployment(
  namespace: string,
  name: string,
  container: Record<string, unknown> = {},
  pod: Record<string, unknown> = {},
  replicas = 1,
): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: {
          containers: [{ name: 'app', image: 'nginx:1.27', ports: [{ containerPort: 80, name: 'http' }], ...container }],
          ...pod,
        },
      },
    },
  } as KubeObject;
}

/** A Namespace object. */
export const namespace = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });

/** What `ask` answered and how the fix behind it ended. */
export interface AskedFix {
  /** The operation's plan as stored (planner, summary, assumptions). */
  plan: { planner: string; summary: string; assumptions: string[] };
  notices: string[];
  /** The fix's settled status (`GET /ops/{id}/fix`): VERIFIED, ROLLED_BACK, … */
  fix: { status: string; message?: string };
}

/**
 * `ask "fix …"` end to end over the API on the simulated cluster (reached over HTTPS by the real client): a server
 * on a manual clock with a user of every role, the cluster registered, and helpers to plant a failure, wait for its
 * finding and ask, approve, apply and settle a repair request as two people would.
 */
export async function askFixHarness() {
  const t: TestApi = await startTestApi({ config: { healing: { settle_seconds: 20, verify_timeout_seconds: 180 } } });
  const sim: SimCluster = await startSimCluster({ clock: t.clock });
  const gateway = createClusterGateway({ kubeconfigYaml: sim.kubeconfig, clock: t.clock });
  const registered = await t.rest('POST', '/clusters', t.users.admin.token, {
    name: 'sim-ask-fix',
    api_server_url: sim.url,
    kubeconfig: sim.kubeconfig,
  });
  const clusterId: string = registered.json().id;
  for (const who of ['viewer', 'operator', 'approver'] as const)
    await t.rest('POST', `/users/${t.users[who].user.id}/clusters/${clusterId}`, t.users.admin.token, {});

  const apply = async (...objects: KubeObject[]) => {
    for (const o of objects) await gateway.apply(o);
  };
  /** Moves the clock on until a finding of `analyzer` about `name…` shows in `ns`. */
  const findingFor = async (analyzer: string, namePrefix: string, ns: string): Promise<Finding> => {
    for (let i = 0; i < 120; i++) {
      const found = (await currentFindings(gateway, t.clock.now(), { namespace: ns })).find(
        (f) => f.analyzer === analyzer && f.resource.name.startsWith(namePrefix),
      );
      if (found) return found;
      await advanceClock(t.clock, 5000);
    }
    throw new Error(`no ${analyzer} finding about ${namePrefix}… in ${ns}`);
  };
  const fixStatus = async (id: string) => (await t.rest('GET', `/ops/${id}/fix`, t.users.viewer.token)).json();

  /** `POST /ops/ask` as the operator; the raw answer. */
  const ask = async (request: string, ns?: string) => {
    const asked = await t.rest('POST', '/ops/ask', t.users.operator.token, {
      request,
      cluster_id: clusterId,
      ...(ns ? { namespace: ns } : {}),
    });
    expect(asked.statusCode, asked.body).toBe(200);
    return asked.json();
  };

  /**
   * Asks `request`, expects a plan of the catalogue, has the approver approve it (typing the names a destructive plan
   * asks for), the operator apply it, and moves the clock on until the fix settles.
   */
  const askAndFix = async (request: string, ns?: string): Promise<AskedFix> => {
    const answer = await ask(request, ns);
    if (answer.kind !== 'operation') throw new Error(`ask "${request}" answered ${JSON.stringify(answer)}`);
    const operation = answer.operation;
    expect(operation.plan.planner, operation.plan.summary).toMatch(/^remediate:/);
    const approved = await t.rest('POST', `/ops/${operation.id}/approve`, t.users.approver.token, {
      confirmations: operation.confirmations ?? [],
    });
    expect(approved.statusCode, approved.body).toBe(200);
    let settled = false;
    const applying = t.rest('POST', `/ops/${operation.id}/apply`, t.users.operator.token, {}).finally(() => {
      settled = true;
    });
    while (!settled) await advanceClock(t.clock, 1000);
    const applied = await applying;
    expect(applied.json().state, applied.body).toBe('APPLIED');
    for (let i = 0; i < 300; i++) {
      const status = await fixStatus(operation.id);
      if (status.status !== 'VERIFYING' && status.status !== 'PROPOSED')
        return { plan: operation.plan, notices: answer.notices ?? [], fix: status };
      await advanceClock(t.clock, 2000);
    }
    throw new Error(`the fix of "${request}" never settled`);
  };

  return {
    t,
    sim,
    gateway,
    clusterId,
    apply,
    findingFor,
    ask,
    askAndFix,
    advance: (ms: number) => advanceClock(t.clock, ms),
    stop: async () => {
      await settlingFixes();
      await sim.stop();
      await t.close();
    },
  };
}
