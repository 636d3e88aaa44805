import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ManualClock } from '@opspilot/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimCluster, startSimCluster } from './startSimCluster.js';
import { createKubectl, type KubectlResult } from './testing/index.js';

let sim: SimCluster;
let clock: ManualClock;
let kubectl: (args: string[], input?: string) => Promise<KubectlResult>;
const workloads = readFileSync(join(import.meta.dirname, '__fixtures__', 'workloads.yaml'), 'utf8');
const settle = (ms = 20) => new Promise((r) => setTimeout(r, ms));

async function ok(args: string[], input?: string): Promise<string> {
  const r = await kubectl(args, input);
  if (r.code !== 0) throw new Error(`kubectl ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return r.stdout;
}

/** Runs kubectl commands that wait for the cluster while moving its clock forward, until they all finish. */
async function whileTimePasses(...runs: Promise<KubectlResult>[]): Promise<KubectlResult[]> {
  let done = false;
  const all = Promise.all(runs).finally(() => {
    done = true;
  });
  for (let i = 0; i < 400 && !done; i++) {
    await clock.advance(500);
    await settle(25);
  }
  return all;
}

beforeAll(async () => {
  clock = new ManualClock(new Date('2026-01-01T00:00:00Z'));
  sim = await startSimCluster({ clock });
  kubectl = createKubectl(sim.kubeconfig);
  await ok(['apply', '-f', '-'], workloads);
}, 120_000);
afterAll(async () => sim?.stop());

describe('real kubectl: stateful sets, daemon sets, jobs, cron jobs, claims and autoscalers', () => {
  it('follows rollout status of a stateful set and a daemon set and waits for a job to complete', async () => {
    expect(await ok(['rollout', 'status', 'statefulset/db', '-n', 'batch', '--watch=false'])).toBe(
      'Waiting for 3 pods to be ready...\n',
    );
    expect(await ok(['rollout', 'status', 'daemonset/agent', '-n', 'batch', '--watch=false'])).toBe(
      'Waiting for daemon set "agent" rollout to finish: 0 of 2 updated pods are available...\n',
    );
    const [sts, ds, job] = await whileTimePasses(
      kubectl(['rollout', 'status', 'statefulset/db', '-n', 'batch', '--timeout=60s']),
      kubectl(['rollout', 'status', 'daemonset/agent', '-n', 'batch', '--timeout=60s']),
      kubectl(['wait', '--for=condition=complete', 'job/pi', '-n', 'batch', '--timeout=60s']),
    );
    expect(sts!.code, sts!.stderr).toBe(0);
    expect(sts!.stdout).toContain('partitioned roll out complete: 3 new pods have been updated...');
    expect(ds!.code, ds!.stderr).toBe(0);
    expect(ds!.stdout).toContain('daemon set "agent" successfully rolled out');
    expect(job!.code, job!.stderr).toBe(0);
    expect(job!.stdout).toContain('job.batch/pi condition met');
  });

  it('prints sensible tables for sts, ds, jobs, cronjobs, pvc and hpa', async () => {
    await clock.advance(5 * 60_000);
    await settle(100);
    const out = await ok(['get', 'sts,ds,jobs,cronjobs,pvc,hpa', '-n', 'batch']);
    expect(out).toMatch(/statefulset\.apps\/db\s+3\/3\s/);
    expect(out).toMatch(/daemonset\.apps\/agent\s+2\s+2\s+2\s+2\s+2\s+<none>\s/);
    expect(out).toMatch(/job\.batch\/pi\s+Complete\s+1\/1\s+9s\s/);
    expect(out).toMatch(/job\.batch\/report-29453765\s+Running\s+0\/1\s/);
    expect(out).toMatch(/cronjob\.batch\/report\s+\*\/5 \* \* \* \*\s+<none>\s+False\s+1\s+\d+s\s/);
    for (const ordinal of [0, 1, 2])
      expect(out).toMatch(
        new RegExp(
          `persistentvolumeclaim/data-db-${ordinal}\\s+Bound\\s+pvc-[0-9a-f-]{36}\\s+1Gi\\s+RWO\\s+standard\\s`,
        ),
      );
    expect(out).toMatch(/horizontalpodautoscaler\.autoscaling\/web\s+Deployment\/web\s+cpu: 200%\/50%\s+1\s+4\s+2\s/);
    const pods = await ok(['get', 'pods', '-n', 'batch']);
    expect(pods).toMatch(/pi-[a-z0-9]{5}\s+0\/1\s+Completed\s+0\s/);
    expect(pods).toMatch(/db-2\s+1\/1\s+Running\s/);
    const describe = await ok(['describe', 'hpa', 'web', '-n', 'batch']);
    expect(describe).toContain('New size: 4; reason: cpu resource utilization (percentage of request) above target');
    expect(describe).toMatch(/ScalingLimited\s+True\s+TooManyReplicas/);
    expect(describe).toMatch(/Deployment pods:\s+2 current \/ 4 desired/);
  });

  it('creates a job from a cron job and rolls a stateful set update through its revisions', async () => {
    expect(await ok(['create', 'job', 'by-hand', '--from=cronjob/report', '-n', 'batch'])).toContain(
      'job.batch/by-hand created',
    );
    expect(await ok(['get', 'job', 'by-hand', '-n', 'batch', '-o', 'jsonpath={.metadata.annotations}'])).toContain(
      '"cronjob.kubernetes.io/instantiate":"manual"',
    );
    await ok(['set', 'image', 'statefulset/db', 'db=postgres:15', '-n', 'batch']);
    const [rollout, manual] = await whileTimePasses(
      kubectl(['rollout', 'status', 'statefulset/db', '-n', 'batch', '--timeout=60s']),
      kubectl(['wait', '--for=condition=complete', 'job/by-hand', '-n', 'batch', '--timeout=60s']),
    );
    expect(rollout!.code, rollout!.stderr).toBe(0);
    expect(manual!.code, manual!.stderr).toBe(0);
    expect(
      await ok(['get', 'pods', '-n', 'batch', '-l', 'app=db', '-o', 'jsonpath={.items[*].spec.containers[0].image}']),
    ).toBe('postgres:15 postgres:15 postgres:15');
    const history = await ok(['rollout', 'history', 'statefulset/db', '-n', 'batch']);
    expect(history).toMatch(/REVISION\s+CHANGE-CAUSE\n1\s+<none>\n2\s+<none>/);
    expect(await ok(['get', 'controllerrevisions', '-n', 'batch', '-l', 'app=db', '-o', 'name'])).toMatch(
      /controllerrevision\.apps\/db-[a-z0-9]{10}\ncontrollerrevision\.apps\/db-[a-z0-9]{10}/,
    );
  });

  it('refuses an invalid cron schedule with the real 422', async () => {
    const r = await kubectl(
      ['apply', '-f', '-'],
      'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: bad, namespace: batch}\nspec:\n  schedule: "61 * * * *"\n  jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: a, image: busybox}]}}}}\n',
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'The CronJob "bad" is invalid: spec.schedule: Invalid value: "61 * * * *": end of range (61) above maximum (59): 61',
    );
  });
});
