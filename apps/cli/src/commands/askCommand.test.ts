import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../runCli.js';
import { memoryIo } from '../testing/index.js';

let sim: SimCluster;
const cwd = mkdtempSync(join(tmpdir(), 'opspilot-cli-ask-'));
const kubeconfig = join(cwd, 'kubeconfig.yaml');
const env = { OPSPILOT_DATA_DIR: join(cwd, 'data'), OPSPILOT_USER: 'alice' };

beforeAll(async () => {
  // Real time: the demo's pods start within a second or two, as verification expects.
  sim = await startSimCluster({ scenario: 'demo' });
  writeFileSync(kubeconfig, sim.kubeconfig);
  const deployments = sim.api.registry.find('apps', 'v1', 'deployments')!;
  const available = () =>
    (sim.store.get(deployments, 'todo', 'backend').status as { availableReplicas?: number } | undefined)
      ?.availableReplicas;
  await vi.waitFor(() => expect(available()).toBe(2), { timeout: 30_000, interval: 100 });
}, 60_000);
afterAll(async () => {
  await sim?.stop();
  rmSync(cwd, { recursive: true, force: true });
});

const ask = async (...args: string[]) => {
  const io = memoryIo(env, cwd);
  const code = await runCli(['ask', '--kubeconfig', kubeconfig, ...args], io);
  return { code, out: io.out(), err: io.err() };
};
const replicas = () =>
  (sim.store.get(sim.api.registry.find('apps', 'v1', 'deployments')!, 'todo', 'backend').spec as { replicas: number })
    .replicas;

describe('opspilot ask', () => {
  it('shows the plan, commands and diff with --dry-run and changes nothing', async () => {
    const { code, out } = await ask('scale', 'backend', 'to', '3', 'replicas', '--dry-run');
    expect(code).toBe(0);
    expect(out).toContain('kubectl scale deployment/backend -n todo --replicas=3');
    expect(out).toMatch(/PowerShell:/);
    expect(out).toMatch(/\+\s+replicas: 3/);
    expect(out).toContain('dry run: nothing was changed');
    expect(replicas()).toBe(2);
  });

  it('refuses a write without --yes when there is no terminal to ask on', async () => {
    const { code, err } = await ask('scale backend to 3 replicas');
    expect(code).toBe(1);
    expect(err).toContain('re-run with --yes');
    expect(replicas()).toBe(2);
  });

  it('applies, verifies and audits with --yes, answering in JSON', async () => {
    const { code, out } = await ask('scale backend to 3 replicas', '--yes', '-o', 'json');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json).toMatchObject({ status: 'APPLIED', risk: 'write' });
    expect(json.commands.bash).toContain('--replicas=3');
    expect(json.commands.powershell).toContain('--replicas=3');
    expect(json.auditId).toMatch(/^[0-9a-f-]{36}$/);
    expect(replicas()).toBe(3);
    const audit = memoryIo(env, cwd);
    expect(await runCli(['audit', 'show', json.auditId, '-o', 'json'], audit)).toBe(0);
    expect(JSON.parse(audit.out())).toMatchObject({ action: 'operation.applied', user_id: 'alice' });
  });

  it('prints kubectl-style results in text', async () => {
    const { code, out, err } = await ask('scale backend to 2 replicas', '--yes');
    expect(code).toBe(0);
    expect(out).toContain('deployment.apps/backend scaled');
    expect(err).toMatch(/step 1\/1 .*backend.*: verifying…\n/);
    expect(err).toMatch(/step 1\/1 .*backend.*: applied\n/);
  });

  it('needs the name typed for a destructive plan, even with --yes', async () => {
    const refused = await ask('delete namespace todo', '--yes');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('type "todo" to confirm');
    expect(sim.store.find(sim.api.registry.find('', 'v1', 'namespaces')!, undefined, 'todo')).toBeDefined();
  });

  it('asks back instead of guessing an unknown name', async () => {
    const { code, out } = await ask('scale nosuchthing to 3', '-o', 'json');
    expect(code).toBe(1);
    expect(JSON.parse(out).status).toMatch(/NEEDS_CLARIFICATION|UNSUPPORTED/);
  });

  it('says a named namespace does not exist, listing those that do, instead of planning in default', async () => {
    const { code, err } = await ask('create a configmap foo in nosuch', '--yes');
    expect(code).toBe(2);
    expect(err).toContain('namespace "nosuch" not found');
    expect(err).toMatch(/hint: the namespaces are .*default.*todo/);
    expect(sim.store.find(sim.api.registry.find('', 'v1', 'configmaps')!, 'default', 'foo')).toBeUndefined();
  });

  it('refuses a negative replica count saying so', async () => {
    const { code, err } = await ask('scale backend to -1', '--yes');
    expect(code).toBe(2);
    expect(err).toContain('replicas must be 0 or more');
  });

  it('prints Secret values as <redacted> in text and JSON, and still creates the Secret with the real value', async () => {
    const keyed = { ...env, OPSPILOT_SECRETS_ENCRYPTION_KEY: randomBytes(32).toString('base64') };
    const values = ['changeme', Buffer.from('changeme').toString('base64')];
    const expectNoValue = (text: string) => {
      for (const value of values) expect(text).not.toContain(value);
    };
    const request = 'create a secret db-creds with password=changeme in todo';
    const shown = memoryIo(keyed, cwd);
    expect(await runCli(['ask', '--kubeconfig', kubeconfig, request, '--dry-run'], shown)).toBe(0);
    expect(shown.out()).toContain('password: <redacted>');
    expect(shown.out()).toMatch(/\+\s+password: <redacted>/);
    expectNoValue(shown.out() + shown.err());
    const io = memoryIo(keyed, cwd);
    expect(await runCli(['ask', '--kubeconfig', kubeconfig, request, '--yes', '-o', 'json'], io)).toBe(0);
    const json = JSON.parse(io.out());
    expect(json).toMatchObject({
      status: 'APPLIED',
      plan: { steps: [{ object: { stringData: { password: '<redacted>' } } }] },
    });
    expect(json.commands.bash).toContain('password: <redacted>');
    expect(json.commands.powershell).toContain('password: <redacted>');
    expectNoValue(io.out() + io.err());
    const secret = sim.store.get(sim.api.registry.find('', 'v1', 'secrets')!, 'todo', 'db-creds') as {
      data?: Record<string, string>;
    };
    expect(secret.data?.password).toBe(values[1]);
    const audit = memoryIo(keyed, cwd);
    expect(await runCli(['audit', 'show', json.auditId, '-o', 'json'], audit)).toBe(0);
    expect(JSON.parse(audit.out())).toMatchObject({ action: 'operation.applied' });
    expectNoValue(audit.out());
    const data = join(cwd, 'data');
    for (const file of readdirSync(data)) expectNoValue(readFileSync(join(data, file)).toString('latin1'));
  });

  it('seals Secret values with the data directory key when no encryption key is configured', async () => {
    const { code, out, err } = await ask('create a secret api-token with token=t0psecret in todo', '--yes');
    expect(err).not.toMatch(/error/i);
    expect(code).toBe(0);
    expect(out + err).not.toContain('t0psecret');
    const data = join(cwd, 'data');
    expect(Buffer.from(readFileSync(join(data, 'encryption.key'), 'utf8').trim(), 'base64')).toHaveLength(32);
    for (const file of readdirSync(data))
      expect(readFileSync(join(data, file)).toString('latin1')).not.toContain('t0psecret');
    const secret = sim.store.get(sim.api.registry.find('', 'v1', 'secrets')!, 'todo', 'api-token') as {
      data?: Record<string, string>;
    };
    expect(secret.data?.token).toBe(Buffer.from('t0psecret').toString('base64'));
  });

  it('says how to start a cluster when none is configured', async () => {
    const io = memoryIo(env, cwd);
    expect(await runCli(['ask', 'list pods'], io)).toBe(2);
    expect(io.err()).toContain('opspilot sim serve');
  });
});
