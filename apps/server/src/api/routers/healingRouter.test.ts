import type { KubeObject } from '@opspilot/core';
import { createClusterGateway } from '@opspilot/kube';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { advanceClock } from '@opspilot/kube-sim/testing';
import { currentFindings } from '@opspilot/remediate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../testing/index.js';

const hog = (ns: string): KubeObject[] => [
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } },
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'cache', namespace: ns },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: 'cache' } },
      template: {
        metadata: { labels: { app: 'cache' } },
        spec: {
          containers: [{ name: 'app', image: 'opspilot/memory-hog:1.0', resources: { limits: { memory: '512Mi' } } }],
        },
      },
    },
  } as KubeObject,
];

describe('the healing router: fix a finding, healing rules, history and stats', () => {
  let t: TestApi;
  let sim: SimCluster;
  let clusterId: string;
  let gateway: ReturnType<typeof createClusterGateway>;
  beforeAll(async () => {
    t = await startTestApi();
    sim = await startSimCluster({ clock: t.clock });
    gateway = createClusterGateway({ kubeconfigYaml: sim.kubeconfig, clock: t.clock });
    const registered = await t.rest('POST', '/clusters', t.users.admin.token, {
      name: 'sim-heal',
      api_server_url: sim.url,
      kubeconfig: sim.kubeconfig,
    });
    clusterId = registered.json().id;
    for (const who of ['viewer', 'operator', 'approver'] as const)
      await t.rest('POST', `/users/${t.users[who].user.id}/clusters/${clusterId}`, t.users.admin.token, {});
  });
  afterAll(async () => {
    await sim?.stop();
    await t?.close();
  });

  const oomFinding = async (ns: string) => {
    for (const o of hog(ns)) await gateway.apply(o);
    for (;;) {
      const found = (await currentFindings(gateway, t.clock.now(), { namespace: ns })).find(
        (f) => f.analyzer === 'pod-oom-killed',
      );
      if (found) return found;
      await advanceClock(t.clock, 5000);
    }
  };
  const whileRunning = async <T>(work: Promise<T>): Promise<T> => {
    let settled = false;
    const done = work.finally(() => {
      settled = true;
    });
    while (!settled) await advanceClock(t.clock, 1000);
    return done;
  };
  const rule = (namespaces: string[]) => ({
    name: `oom-${namespaces.join('-')}`,
    cluster_id: clusterId,
    condition_type: 'pod-oom-killed',
    condition_config: { namespaces },
    action_type: 'oom:raise-memory-limit',
    action_config: { mode: 'automatic', verify_settle_seconds: 20 },
  });

  it('previews the ranked fixes of a finding and turns the best into an operation waiting for review', async () => {
    const finding = await oomFinding('fixme');
    const preview = await t.rest('POST', '/healing/preview', t.users.viewer.token, {
      cluster_id: clusterId,
      finding_id: finding.id,
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.json().candidates[0]).toMatchObject({
      remediation: 'oom:raise-memory-limit',
      revision_diff: ['containers[app].resources.limits.memory: 512Mi → 1Gi'],
    });
    expect(
      (await t.rest('POST', '/healing/fix', t.users.viewer.token, { cluster_id: clusterId, finding_id: finding.id }))
        .statusCode,
    ).toBe(403);
    const fixed = await t.rest('POST', '/healing/fix', t.users.operator.token, {
      cluster_id: clusterId,
      finding_id: finding.id,
    });
    expect(fixed.json()).toMatchObject({
      kind: 'operation',
      operation: { state: 'NEEDS_REVIEW', risk: 'write', proposed_by: 'operator' },
    });
    expect(fixed.json().operation.diff).toMatch(/\+\s+memory: 1Gi/);
  });

  it('refuses a rule for kube-system with the reason, and only approvers save rules', async () => {
    const refused = await t.rest('POST', '/healing/rules', t.users.approver.token, rule(['kube-system']));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toMatch(/may not act in system namespace kube-system/);
    expect((await t.rest('POST', '/healing/rules', t.users.operator.token, rule(['auto']))).statusCode).toBe(403);
  });

  it('heals automatically under a saved rule and shows it in history and stats', async () => {
    const created = await t.rest('POST', '/healing/rules', t.users.approver.token, rule(['auto']));
    expect(created.statusCode).toBe(200);
    await oomFinding('auto');
    const pass = await whileRunning(t.rest('POST', '/healing/run', t.users.approver.token, { cluster_id: clusterId }));
    expect(pass.json().actions).toEqual([
      expect.objectContaining({ target: 'deployment/auto/cache', status: 'SUCCEEDED' }),
    ]);
    const history = await t.rest('GET', `/healing/history?rule_id=${created.json().id}`, t.users.viewer.token);
    expect(history.json().items).toHaveLength(1);
    const stats = await t.rest('GET', '/healing/stats', t.users.viewer.token);
    expect(stats.json().by_rule).toEqual([expect.objectContaining({ name: 'oom-auto', runs: 1, success_rate: 1 })]);
    expect(stats.json().by_remediation[0]).toMatchObject({ name: 'oom:raise-memory-limit', succeeded: 1 });
    const learning = await t.rest('GET', '/healing/learning', t.users.viewer.token);
    expect(learning.json()).toEqual(stats.json());
  });

  it('heals on an anomaly from the anomaly store, refuses an automatic destructive runbook at save time, and learns per class', async () => {
    const refused = await t.rest('POST', '/healing/rules', t.users.approver.token, {
      name: 'drain-on-incident',
      cluster_id: clusterId,
      condition_type: 'incident',
      condition_config: { namespaces: ['anom'] },
      action_type: 'runbook',
      action_config: { mode: 'automatic', runbook: 'cordon-and-drain-node' },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toMatch(/runbook cordon-and-drain-node has destructive step\(s\) drain/);
    const created = await t.rest('POST', '/healing/rules', t.users.approver.token, {
      name: 'oom-on-anomaly',
      cluster_id: clusterId,
      condition_type: 'anomaly',
      condition_config: { namespaces: ['anom'], min_severity: 'HIGH' },
      action_type: 'oom:raise-memory-limit',
      action_config: { mode: 'automatic', verify_settle_seconds: 20 },
    });
    expect(created.statusCode, created.body).toBe(200);
    await oomFinding('anom');
    const quiet = await whileRunning(t.rest('POST', '/healing/run', t.users.approver.token, { cluster_id: clusterId }));
    expect(quiet.json().actions.filter((a: { rule_id: string }) => a.rule_id === created.json().id)).toEqual([]);
    await t.services.store.anomalies.create({
      cluster_id: clusterId,
      metric_name: 'container_memory_working_set_bytes',
      labels: { namespace: 'anom', deployment: 'cache' },
      detection_type: 'STATISTICAL',
      severity: 'HIGH',
      confidence_score: 0.95,
      anomaly_type: 'SPIKE',
      explanation: 'memory far above its usual level',
      detected_at: t.clock.now().toISOString(),
    });
    const pass = await whileRunning(t.rest('POST', '/healing/run', t.users.approver.token, { cluster_id: clusterId }));
    expect(pass.json().actions).toEqual([
      expect.objectContaining({
        target: 'deployment/anom/cache',
        status: 'SUCCEEDED',
        result: expect.objectContaining({ trigger: expect.objectContaining({ kind: 'anomaly' }) }),
      }),
    ]);
    const stats = await t.rest('GET', '/healing/stats', t.users.viewer.token);
    expect(stats.json().by_class).toEqual([
      expect.objectContaining({ name: 'pod-oom-killed', runs: 2, succeeded: 2, success_rate: 1 }),
    ]);
  });
});
