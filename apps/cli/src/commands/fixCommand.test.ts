import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClusterGateway } from '@opspilot/kube';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { currentFindings } from '@opspilot/remediate';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../runCli.js';
import { memoryIo } from '../testing/index.js';

let sim: SimCluster;
const cwd = mkdtempSync(join(tmpdir(), 'opspilot-cli-fix-'));
const kubeconfig = join(cwd, 'kubeconfig.yaml');
const env = { OPSPILOT_DATA_DIR: join(cwd, 'data'), OPSPILOT_USER: 'alice' };

const hog = (ns: string, name: string) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace: ns },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: name } },
    template: {
      metadata: { labels: { app: name } },
      spec: {
        containers: [{ name: 'app', image: 'opspilot/memory-hog:1.0', resources: { limits: { memory: '512Mi' } } }],
      },
    },
  },
});

beforeAll(async () => {
  // Real time: the memory hog is OOM-killed a second or two after it starts.
  sim = await startSimCluster({});
  writeFileSync(kubeconfig, sim.kubeconfig);
  const gateway = createClusterGateway({ kubeconfigYaml: sim.kubeconfig });
  for (const ns of ['cli-fix', 'cli-heal', 'cli-ask']) {
    await gateway.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
    await gateway.apply(hog(ns, 'cache') as never);
  }
  await vi.waitFor(
    async () => {
      const found = await currentFindings(gateway, new Date(), { namespace: 'cli-heal' });
      expect(found.map((f) => f.analyzer)).toContain('pod-oom-killed');
    },
    { timeout: 30_000, interval: 500 },
  );
}, 60_000);
afterAll(async () => {
  await sim?.stop();
  rmSync(cwd, { recursive: true, force: true });
});

const cli = async (...args: string[]) => {
  const io = memoryIo(env, cwd);
  const code = await runCli([...args, '--kubeconfig', kubeconfig], io);
  return { code, out: io.out(), err: io.err() };
};

describe('opspilot fix', () => {
  it('shows the candidate fixes with evidence and exact difference, and changes nothing with --dry-run', async () => {
    const { code, out } = await cli('fix', 'deployment/cache', '-n', 'cli-fix', '--dry-run');
    expect(code).toBe(0);
    expect(out).toMatch(/Fix 1 \(oom:raise-memory-limit, confidence \d+%\): raise the memory limit of app/);
    expect(out).toContain('changes containers[app].resources.limits.memory: 512Mi → 1Gi');
    expect(out).toContain('dry run: nothing was changed');
  });

  it('applies the fix after --yes, verifies the workload recovered and says so in JSON', async () => {
    const { code, out, err } = await cli('fix', 'cache', '-n', 'cli-fix', '--yes', '--settle', '2', '-o', 'json');
    expect(code, err).toBe(0);
    expect(JSON.parse(out)).toMatchObject({
      status: 'VERIFIED',
      candidates: [{ remediation: 'oom:raise-memory-limit' }],
    });
  });

  it('names the findings there are when the object has none', async () => {
    const { code, err } = await cli('fix', 'deployment/nothing', '-n', 'cli-heal');
    expect(code).not.toBe(0);
    expect(err).toMatch(/no finding about deployment\/nothing/);
  });
});

describe('opspilot ask "fix …"', () => {
  it('plans the fix of the oom pod from the catalogue, applies it after --yes and verifies it', async () => {
    const { code, out, err } = await cli(
      'ask',
      'fix',
      'the',
      'oom',
      'pod',
      '-n',
      'cli-ask',
      '--yes',
      '--settle',
      '2',
      '-o',
      'json',
    );
    expect(code, err).toBe(0);
    const answer = JSON.parse(out);
    expect(answer).toMatchObject({ status: 'APPLIED', risk: 'write' });
    // Settled like opspilot fix: healthy for --settle seconds, audited as verified.
    expect(answer.fix).toEqual({ status: 'VERIFIED', message: expect.stringMatching(/no restarts for 2s$/) });
    const audit = await cli('audit', 'list', '--action', 'remediation.verified', '-o', 'json');
    expect(JSON.parse(audit.out).items).toEqual(
      expect.arrayContaining([expect.objectContaining({ target: 'deployment/cli-ask/cache' })]),
    );
    expect(answer.plan.planner).toBe('remediate:oom:raise-memory-limit');
    expect(answer.diff).toMatch(/\+\s+memory: 1Gi/);
  });
});

describe('opspilot healing', () => {
  it('refuses a rule for kube-system, adds a safe one, heals with it and lists rules, history and stats', async () => {
    const refused = await cli(
      'healing',
      'rules',
      'add',
      '--name',
      'bad',
      '--class',
      'pod-oom-killed',
      '--remediation',
      'oom:raise-memory-limit',
      '--namespaces',
      'kube-system',
      '--mode',
      'automatic',
    );
    expect(refused.code).not.toBe(0);
    expect(refused.err).toMatch(/may not act in system namespace kube-system/);
    const added = await cli(
      'healing',
      'rules',
      'add',
      '--name',
      'oom',
      '--class',
      'pod-oom-killed',
      '--remediation',
      'oom:raise-memory-limit',
      '--namespaces',
      'cli-heal',
      '--mode',
      'automatic',
      '--settle',
      '2',
    );
    expect(added.code, added.err).toBe(0);
    const audit = await cli('audit', 'list', '--action', 'healing.rule.created', '-o', 'json');
    expect(JSON.parse(audit.out).items).toEqual([
      expect.objectContaining({ user_id: 'alice', target: 'healingrule/oom' }),
    ]);
    const rules = await cli('healing', 'rules');
    expect(rules.out).toMatch(/^NAME\s+FINDING\s+REMEDIATION\s+NAMESPACES\s+MODE/);
    expect(rules.out).toMatch(/oom\s+pod-oom-killed\s+oom:raise-memory-limit\s+cli-heal\s+automatic\s+yes/);
    const run = await cli('healing', 'run', '-o', 'json');
    expect(run.code, run.err).toBe(0);
    expect(JSON.parse(run.out).actions).toEqual([
      expect.objectContaining({ target: 'deployment/cli-heal/cache', status: 'SUCCEEDED' }),
    ]);
    const history = await cli('healing', 'history');
    expect(history.out, history.err).toMatch(/oom\s+deployment\/cli-heal\/cache\s+SUCCEEDED\s+VERIFIED/);
    const stats = await cli('healing', 'stats', '-o', 'yaml');
    expect(stats.out).toMatch(/key: [0-9a-f-]{36}\n\s+runs: 1\n\s+succeeded: 1/);
    const table = await cli('healing', 'stats');
    expect(table.out).toMatch(/^BY\s+NAME\s+RUNS\s+SUCCEEDED\s+SUCCESS\s+MEDIAN RECOVERY/);
    expect(table.out).toMatch(/rule\s+oom\s+1\s+1\s+100%/);
    // The fixes applied by hand above (opspilot fix, ask "fix …") count too: three OOM fixes, all verified.
    expect(table.out).toMatch(/class\s+pod-oom-killed\s+3\s+3\s+100%/);
    expect(table.out).toMatch(/rule\s+manual fixes\s+2\s+2\s+100%/);
    const manual = await cli('healing', 'history', '--trigger', 'manual', '-o', 'json');
    expect(
      JSON.parse(manual.out).map((a: { target: string; trigger: string; status: string }) => [
        a.target,
        a.trigger,
        a.status,
      ]),
    ).toEqual([
      ['deployment/cli-ask/cache', 'MANUAL', 'SUCCEEDED'],
      ['deployment/cli-fix/cache', 'MANUAL', 'SUCCEEDED'],
    ]);
    const all = await cli('healing', 'history');
    expect(all.out).toMatch(/manual\s+deployment\/cli-fix\/cache\s+SUCCEEDED\s+VERIFIED/);
  });

  it('lists the default rules and installs them disabled for some namespaces, once', async () => {
    const defaults = await cli('healing', 'rules', 'defaults');
    expect(defaults.out).toMatch(/^NAME\s+CLASSES\s+REMEDIATIONS\s+MODE/);
    expect(defaults.out).toMatch(
      /rbac-denied\s+pod-crash-loop\s+rbac:grant-denied-rule,rbac:grant-cluster-rule\s+approval/,
    );
    const refused = await cli('healing', 'rules', 'install-defaults', '--namespaces', 'kube-system');
    expect(refused.code).not.toBe(0);
    expect(refused.err).toMatch(/system namespace kube-system/);
    const installed = await cli(
      'healing',
      'rules',
      'install-defaults',
      '--namespaces',
      'shop',
      '--prefix',
      'shop',
      '-o',
      'yaml',
    );
    expect(installed.code, installed.err).toBe(0);
    expect(installed.out).toContain('name: shop-crash-loop-after-rollout');
    const again = await cli(
      'healing',
      'rules',
      'install-defaults',
      '--namespaces',
      'shop',
      '--prefix',
      'shop',
      '--only',
      'oom-killed',
      '-o',
      'json',
    );
    expect(JSON.parse(again.out)).toEqual({ created: [], skipped: ['shop-oom-killed'] });
    const rules = await cli('healing', 'rules', '-o', 'json');
    const shop = JSON.parse(rules.out).filter((r: { name: string }) => r.name.startsWith('shop-'));
    expect(shop).toHaveLength(9);
    expect(shop.every((r: { enabled: boolean }) => !r.enabled)).toBe(true);
  });

  it('adds rules triggered by anomalies or incidents, with a runbook action and blast-radius limits', async () => {
    const both = await cli(
      'healing',
      'rules',
      'add',
      '--name',
      'x',
      '--class',
      'pod-oom-killed',
      '--trigger',
      'anomaly',
      '--remediation',
      'oom:raise-memory-limit',
      '--namespaces',
      'cli-heal',
    );
    expect(both.code).not.toBe(0);
    expect(both.err).toMatch(/give either --class \(a finding class\) or --trigger/);
    const anomaly = await cli(
      'healing',
      'rules',
      'add',
      '--name',
      'oom-anomaly',
      '--trigger',
      'anomaly',
      '--metrics',
      'container_memory_working_set_bytes',
      '--min-severity',
      'HIGH',
      '--remediation',
      'oom:raise-memory-limit',
      '--namespaces',
      'cli-heal',
      '--max-replicas-percent',
      '50',
      '--max-concurrent-per-cluster',
      '1',
      '-o',
      'json',
    );
    expect(anomaly.code, anomaly.err).toBe(0);
    expect(JSON.parse(anomaly.out)).toMatchObject({
      condition_type: 'anomaly',
      condition_config: { metrics: ['container_memory_working_set_bytes'], min_severity: 'HIGH' },
      action_config: { max_replicas_percent: 50, max_concurrent_per_cluster: 1 },
    });
    const runbook = await cli(
      'healing',
      'rules',
      'add',
      '--name',
      'scale-incident',
      '--trigger',
      'incident',
      '--runbook',
      'scale-out',
      '--namespaces',
      'cli-heal',
    );
    expect(runbook.code, runbook.err).toBe(0);
    const rules = await cli('healing', 'rules');
    expect(rules.out).toMatch(/scale-incident\s+incident\s+runbook scale-out\s+cli-heal\s+approval\s+yes/);
  });
});
