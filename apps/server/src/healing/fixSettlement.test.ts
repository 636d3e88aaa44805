import type { KubeObject } from '@opspilot/core';
import { createClusterGateway } from '@opspilot/kube';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { advanceClock } from '@opspilot/kube-sim/testing';
import { currentFindings } from '@opspilot/remediate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../testing/index.js';
import { settlingFixes, stopSettling } from './fixSettlement.js';
import { resumeFixSettles } from './resumeFixSettles.js';

const deployment = (ns: string, name: string, container: Record<string, unknown>): KubeObject[] => [
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } },
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: ns },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', ...container }] } },
    },
  } as KubeObject,
];
const HOG = { image: 'opspilot/memory-hog:1.0', resources: { limits: { memory: '512Mi' } } };
// Ready at once, then unready from 30 s on: its readiness probe reads a file the command removes.
const FLAKY = {
  image: 'busybox:1.36',
  command: ['sh', '-c', 'touch /tmp/ready; sleep 30; rm -f /tmp/ready; sleep infinity'],
  readinessProbe: { exec: { command: ['cat', '/tmp/ready'] }, periodSeconds: 5, failureThreshold: 1 },
};
const CRASH = ['python3', '-c', 'import sys; sys.exit(1)'];

describe('a fix applied over the API settles: verified, or rolled back', () => {
  let t: TestApi;
  let sim: SimCluster;
  let clusterId: string;
  let gateway: ReturnType<typeof createClusterGateway>;
  beforeAll(async () => {
    t = await startTestApi({ config: { healing: { settle_seconds: 40, verify_timeout_seconds: 120 } } });
    sim = await startSimCluster({ clock: t.clock });
    gateway = createClusterGateway({ kubeconfigYaml: sim.kubeconfig, clock: t.clock });
    const registered = await t.rest('POST', '/clusters', t.users.admin.token, {
      name: 'sim-settle',
      api_server_url: sim.url,
      kubeconfig: sim.kubeconfig,
    });
    clusterId = registered.json().id;
    for (const who of ['viewer', 'operator', 'approver'] as const)
      await t.rest('POST', `/users/${t.users[who].user.id}/clusters/${clusterId}`, t.users.admin.token, {});
  });
  afterAll(async () => {
    await settlingFixes();
    await sim?.stop();
    await t?.close();
  });

  const findingOf = async (ns: string, analyzer: string) => {
    for (let i = 0; i < 120; i++) {
      const found = (await currentFindings(gateway, t.clock.now(), { namespace: ns })).find(
        (f) => f.analyzer === analyzer,
      );
      if (found) return found;
      await advanceClock(t.clock, 5000);
    }
    throw new Error(`no ${analyzer} finding in ${ns}`);
  };
  const fixStatus = async (id: string) => (await t.rest('GET', `/ops/${id}/fix`, t.users.viewer.token)).json();
  /** Approves and applies the operation as two people would, then moves the clock on until its fix settles. */
  const approveApplyAndSettle = async (id: string) => {
    expect((await t.rest('POST', `/ops/${id}/approve`, t.users.approver.token, {})).statusCode).toBe(200);
    let settled = false;
    const applying = t.rest('POST', `/ops/${id}/apply`, t.users.operator.token, {}).finally(() => {
      settled = true;
    });
    while (!settled) await advanceClock(t.clock, 1000);
    const applied = await applying;
    expect(applied.json().state, applied.body).toBe('APPLIED');
    expect(await fixStatus(id)).toMatchObject({ status: 'VERIFYING' });
    for (let i = 0; i < 300; i++) {
      const status = await fixStatus(id);
      if (status.status !== 'VERIFYING') return status;
      await advanceClock(t.clock, 2000);
    }
    throw new Error('the fix never settled');
  };

  it('the Fix of a finding (healing.fix): approved, applied, watched for the settle window and verified', async () => {
    for (const o of deployment('web-fix', 'cache', HOG)) await gateway.apply(o);
    const finding = await findingOf('web-fix', 'pod-oom-killed');
    const fixed = await t.rest('POST', '/healing/fix', t.users.operator.token, {
      cluster_id: clusterId,
      finding_id: finding.id,
    });
    const id = fixed.json().operation.id;
    expect(await fixStatus(id)).toMatchObject({
      status: 'PROPOSED',
      remediation: 'oom:raise-memory-limit',
      subject: { kind: 'Deployment', namespace: 'web-fix', name: 'cache' },
    });
    const done = await approveApplyAndSettle(id);
    expect(done).toMatchObject({ status: 'VERIFIED', message: expect.stringMatching(/no restarts for 40s$/) });
    const trail = await t.rest('GET', '/audit?action=remediation.verified', t.users.admin.token);
    expect(JSON.stringify(trail.json())).toContain('deployment/web-fix/cache');
    // A person's fix is a healing action too (trigger MANUAL), so learning counts it.
    const history = await t.rest('GET', '/healing/history?trigger=MANUAL', t.users.viewer.token);
    expect(history.json().items).toEqual([
      expect.objectContaining({
        trigger: 'MANUAL',
        target: 'deployment/web-fix/cache',
        status: 'SUCCEEDED',
        result: expect.objectContaining({
          outcome: 'VERIFIED',
          remediation: 'oom:raise-memory-limit',
          operation_id: id,
          time_to_recover_ms: expect.any(Number),
        }),
      }),
    ]);
    expect(history.json().items[0].rule_id).toBeUndefined();
    const learning = await t.rest('GET', '/healing/learning', t.users.viewer.token);
    expect(learning.json().by_rule).toEqual([expect.objectContaining({ name: 'manual fixes', runs: 1, succeeded: 1 })]);
    expect(learning.json().by_remediation).toEqual([
      expect.objectContaining({ name: 'oom:raise-memory-limit', runs: 1, success_rate: 1 }),
    ]);
  });

  it('a settle stopped with the server stays VERIFYING, and the next start settles it again from the live state', async () => {
    for (const o of deployment('restart-fix', 'cache', HOG)) await gateway.apply(o);
    const finding = await findingOf('restart-fix', 'pod-oom-killed');
    const fixed = await t.rest('POST', '/healing/fix', t.users.operator.token, {
      cluster_id: clusterId,
      finding_id: finding.id,
    });
    const id = fixed.json().operation.id;
    expect((await t.rest('POST', `/ops/${id}/approve`, t.users.approver.token, {})).statusCode).toBe(200);
    let applied = false;
    const applying = t.rest('POST', `/ops/${id}/apply`, t.users.operator.token, {}).finally(() => {
      applied = true;
    });
    while (!applied) await advanceClock(t.clock, 1000);
    expect((await applying).json().state).toBe('APPLIED');
    await advanceClock(t.clock, 5000);
    // The server stops mid-settle: no outcome is written, the manual action stays RUNNING.
    await stopSettling();
    await advanceClock(t.clock, 120_000, 5000);
    expect(await fixStatus(id)).toMatchObject({ status: 'VERIFYING' });
    const running = await t.rest('GET', '/healing/history?trigger=MANUAL&status=RUNNING', t.users.viewer.token);
    expect(running.json().items.map((a: { result: { operation_id: string } }) => a.result.operation_id)).toEqual([id]);
    // The next start, on the same store: the settle window runs again and concludes.
    expect(await resumeFixSettles(t.services)).toEqual([id]);
    expect(await resumeFixSettles(t.services)).toEqual([]);
    let status = await fixStatus(id);
    for (let i = 0; i < 300 && status.status === 'VERIFYING'; i++) {
      await advanceClock(t.clock, 2000);
      status = await fixStatus(id);
    }
    expect(status.status, status.message).toBe('VERIFIED');
    const done = await t.rest('GET', '/healing/history?trigger=MANUAL', t.users.viewer.token);
    const mine = done.json().items.filter((a: { result: { operation_id: string } }) => a.result.operation_id === id);
    expect(mine).toEqual([
      expect.objectContaining({ status: 'SUCCEEDED', result: expect.objectContaining({ outcome: 'VERIFIED' }) }),
    ]);
    const trail = await t.rest('GET', '/audit?action=remediation.verifying', t.users.admin.token);
    expect(JSON.stringify(trail.json())).toContain('resumed after a restart');
  });

  it('ask "fix the oom pod" over the API: the catalogue plans it, and once applied it is verified', async () => {
    for (const o of deployment('ask-fix', 'cache', HOG)) await gateway.apply(o);
    await findingOf('ask-fix', 'pod-oom-killed');
    const asked = await t.rest('POST', '/ops/ask', t.users.operator.token, {
      request: 'fix the oom pod',
      cluster_id: clusterId,
      namespace: 'ask-fix',
    });
    expect(asked.json()).toMatchObject({
      kind: 'operation',
      operation: { state: 'NEEDS_REVIEW', plan: { planner: 'remediate:oom:raise-memory-limit' } },
    });
    const done = await approveApplyAndSettle(asked.json().operation.id);
    expect(done.status, done.message).toBe('VERIFIED');
  });

  it('rolls the fix back when the workload, healthy at first, fails within the settle window', async () => {
    for (const o of deployment('flaky-fix', 'job', FLAKY)) await gateway.apply(o);
    await advanceClock(t.clock, 10_000);
    await gateway.patch(
      { kind: 'Deployment', name: 'job', namespace: 'flaky-fix' },
      { spec: { template: { spec: { containers: [{ name: 'app', command: CRASH, readinessProbe: null }] } } } },
    );
    const finding = await findingOf('flaky-fix', 'pod-crash-loop');
    const fixed = await t.rest('POST', '/healing/fix', t.users.operator.token, {
      cluster_id: clusterId,
      finding_id: finding.id,
      remediation: 'deployment:restore-last-working-revision',
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    const done = await approveApplyAndSettle(fixed.json().operation.id);
    expect(done).toMatchObject({
      status: 'ROLLED_BACK',
      message: expect.stringMatching(/^verification failed \(.+\); the fix was rolled back$/),
    });
    const live = await gateway.get({ kind: 'Deployment', name: 'job', namespace: 'flaky-fix' });
    expect(JSON.stringify(live?.spec)).toContain('sys.exit(1)');
  });
});
