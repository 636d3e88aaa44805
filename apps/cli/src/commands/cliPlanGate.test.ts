import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KubeObject } from '@opspilot/core';
import { createClusterGateway } from '@opspilot/kube';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { openStore } from '@opspilot/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../runCli.js';
import { memoryIo } from '../testing/index.js';

const fixtures = new URL('../../../../packages/security/src/images/__fixtures__/', import.meta.url).pathname;
const cwd = mkdtempSync(join(tmpdir(), 'opspilot-cli-gate-'));
const env = { OPSPILOT_DATA_DIR: join(cwd, 'data'), OPSPILOT_USER: 'gina' };
const kubeconfig = join(cwd, 'kubeconfig.yaml');
let sim: SimCluster;

async function cli(...argv: string[]) {
  const io = memoryIo(env, cwd);
  const code = await runCli(['--kubeconfig', kubeconfig, ...argv], io);
  return { code, out: io.out(), err: io.err() };
}

async function setGate(settings: Record<string, unknown>) {
  const store = await openStore({ sqlitePath: join(cwd, 'data', 'opspilot.db') });
  try {
    const [row] = (await store.securityGates.list({ kind: 'IMAGE', scope: 'all' }, { page_size: 1 })).items;
    if (row) await store.securityGates.update(row.id, { settings });
    else await store.securityGates.create({ kind: 'IMAGE', scope: 'all', settings, enabled: true, updated_by: 'test' });
  } finally {
    await store.close();
  }
}

beforeAll(async () => {
  sim = await startSimCluster();
  writeFileSync(kubeconfig, sim.kubeconfig);
  const gateway = createClusterGateway({ kubeconfigYaml: sim.kubeconfig });
  try {
    await gateway.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'vault' } } as KubeObject);
    await gateway.apply({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'api', namespace: 'vault' },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: 'api' } },
        template: {
          metadata: { labels: { app: 'api' } },
          spec: { containers: [{ name: 'api', image: 'todo/backend:1.0' }] },
        },
      },
    } as KubeObject);
  } finally {
    gateway.close();
  }
  cpSync(join(fixtures, 'trivy-report.json'), join(cwd, 'trivy.json'));
  // the scan is stored (exit 1: the image fails the default gate of `security images`)
  expect((await cli('security', 'images', '--report', 'trivy.json')).code).toBe(1);
  await setGate({ max_severity: 'medium' });
}, 120_000);
afterAll(async () => {
  await sim?.stop();
  rmSync(cwd, { recursive: true, force: true });
});

describe('the image gate of the CLI’s own operations', () => {
  it('opspilot ask refuses a plan that sets a failing image before review, audited; an allowed one passes', async () => {
    const blocked = await cli('-o', 'json', 'ask', 'set image of api in vault to ghcr.io/acme/api:1.4.0', '--yes');
    expect(blocked.code).toBe(1);
    const json = JSON.parse(blocked.out);
    expect(json.status).toBe('INVALID');
    expect(JSON.stringify(json)).toMatch(/image gate: ghcr.io\/acme\/api:1.4.0: 2 vulnerabilities above medium/);
    const audit = await cli('-o', 'json', 'audit', 'list', '--action', 'security.gate.blocked');
    expect(audit.out).toContain('ghcr.io/acme/api:1.4.0');

    await setGate({ max_severity: 'medium', allow: ['CVE-2099-0001', 'GHSA-2222-3333-4444'] });
    const allowed = await cli('-o', 'json', 'ask', 'set image of api in vault to ghcr.io/acme/api:1.4.0', '--dry-run');
    expect(allowed.code, allowed.err).toBe(0);
    expect(JSON.parse(allowed.out).status).not.toBe('INVALID');
    await setGate({ max_severity: 'medium' });
  }, 120_000);

  it('opspilot review apply refuses an approved Deployment whose image fails the gate', async () => {
    const generated = await cli('-o', 'json', 'generate', 'deployment', 'web image ghcr.io/acme/api:1.4.0 port 8080');
    expect(generated.code, generated.err).toBe(0);
    const id = JSON.parse(generated.out).files[0].id;
    expect((await cli('review', 'approve', id)).code).toBe(0);
    const applied = await cli('-o', 'json', 'review', 'apply', id);
    expect(applied.code).not.toBe(0);
    expect(applied.out + applied.err).toMatch(/image gate: ghcr.io\/acme\/api:1.4.0/);
    const gateway = createClusterGateway({ kubeconfigYaml: sim.kubeconfig });
    try {
      expect(await gateway.get({ kind: 'Deployment', namespace: 'default', name: 'web' })).toBeUndefined();
    } finally {
      gateway.close();
    }
  }, 120_000);
});
