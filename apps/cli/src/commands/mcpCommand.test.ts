import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { KubeObject } from '@opspilot/core';
import { createClusterGateway } from '@opspilot/kube';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/opspilot.js', import.meta.url));
const cwd = mkdtempSync(join(tmpdir(), 'opspilot-cli-mcp-'));
const kubeconfig = join(cwd, 'kubeconfig.yaml');
let sim: SimCluster;

const text = (result: Record<string, unknown>) => (result.content as { text: string }[]).map((c) => c.text).join('');

async function start(...args: string[]) {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [bin, 'mcp', '--kubeconfig', kubeconfig, ...args],
    cwd,
    env: { ...(process.env as Record<string, string>), OPSPILOT_DATA_DIR: join(cwd, 'data'), OPSPILOT_USER: 'alice' },
    stderr: 'pipe',
  });
  const client = new Client({ name: 'opspilot-test', version: '1.0.0' });
  await client.connect(transport);
  return client;
}

beforeAll(async () => {
  sim = await startSimCluster({ scenario: 'demo' });
  writeFileSync(kubeconfig, sim.kubeconfig);
}, 60_000);
afterAll(async () => {
  await sim?.stop();
  rmSync(cwd, { recursive: true, force: true });
});

const replicas = () =>
  (sim.store.get(sim.api.registry.find('apps', 'v1', 'deployments')!, 'todo', 'backend').spec as { replicas: number })
    .replicas;

describe('opspilot mcp (stdio)', () => {
  it('serves the tools to an SDK client: lists, reads the cluster, proposes without applying', async () => {
    const client = await start();
    try {
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name)).toEqual(
        expect.arrayContaining(['list_objects', 'analyze', 'propose_operation']),
      );
      const listed = await client.callTool({
        name: 'list_objects',
        arguments: { kind: 'Deployment', namespace: 'todo' },
      });
      expect(listed.isError).toBe(false);
      expect(text(listed)).toContain('"backend"');
      const bad = await client.callTool({ name: 'get_object', arguments: { kind: 'Deployment' } });
      expect(bad.isError).toBe(true);
      expect(text(bad)).toContain('invalid input for get_object: name');
      const before = replicas();
      const proposed = await client.callTool({
        name: 'propose_operation',
        arguments: { request: 'scale deployment backend to 5 replicas', namespace: 'todo' },
      });
      expect(text(proposed)).toContain('NEEDS_REVIEW');
      expect(replicas()).toBe(before);
    } finally {
      await client.close();
    }
  });

  it('answers security_posture and security_findings from a scan of its cluster', async () => {
    const gateway = createClusterGateway({ kubeconfigYaml: sim.kubeconfig });
    await gateway.apply({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'host-net', namespace: 'todo' },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: 'host-net' } },
        template: {
          metadata: { labels: { app: 'host-net' } },
          spec: { hostNetwork: true, containers: [{ name: 'app', image: 'nginx:1.27' }] },
        },
      },
    } as KubeObject);
    gateway.close();
    const client = await start('--read-only');
    try {
      const names = (await client.listTools()).tools.map((t) => t.name);
      expect(names).toEqual(expect.arrayContaining(['security_findings', 'security_posture']));
      const posture = await client.callTool({ name: 'security_posture', arguments: {} });
      expect(posture.isError).toBe(false);
      expect(text(posture)).toContain('<untrusted-cluster-data');
      expect(text(posture)).toMatch(/"status": ?"completed"/);
      expect(text(posture)).toMatch(/"score": ?\d/);
      expect(text(posture)).not.toContain('not available');
      const findings = await client.callTool({
        name: 'security_findings',
        arguments: { namespace: 'todo', severity: 'high' },
      });
      expect(findings.isError).toBe(false);
      expect(text(findings)).toContain('pod-host-network');
      expect(text(findings)).toContain('"host-net"');
    } finally {
      await client.close();
    }
  });

  it('offers read tools only with --read-only', async () => {
    const client = await start('--read-only');
    try {
      const names = (await client.listTools()).tools.map((t) => t.name);
      expect(names).toContain('describe_object');
      expect(names).not.toContain('propose_operation');
    } finally {
      await client.close();
    }
  });
});
