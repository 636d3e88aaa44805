import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { startExternalMcpServer } from '@opspilot/chat/testing';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../runCli.js';
import { memoryIo } from '../testing/index.js';

const bin = fileURLToPath(new URL('../../bin/opspilot.js', import.meta.url));
const STDIO_SERVER = fileURLToPath(new URL('./__fixtures__/stdioMcpServer.mjs', import.meta.url));
const cwd = mkdtempSync(join(tmpdir(), 'opspilot-cli-mcp-ext-'));
const kubeconfig = join(cwd, 'kubeconfig.yaml');
const env = { OPSPILOT_DATA_DIR: join(cwd, 'data'), OPSPILOT_USER: 'alice' };
let sim: SimCluster;
let external: Awaited<ReturnType<typeof startExternalMcpServer>>;

const text = (result: Record<string, unknown>) => (result.content as { text: string }[]).map((c) => c.text).join('');

const cli = async (args: string[]) => {
  const io = memoryIo(env, cwd);
  const code = await runCli([...args, '--kubeconfig', kubeconfig], io);
  return { code, out: io.out(), err: io.err() };
};

/** `opspilot mcp` as an MCP client starts it: a child process on stdio, driven by the official SDK client. */
async function startMcp() {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [bin, 'mcp', '--kubeconfig', kubeconfig],
    cwd,
    env: { ...(process.env as Record<string, string>), ...env },
    stderr: 'pipe',
  });
  const client = new Client({ name: 'opspilot-test', version: '1.0.0' });
  await client.connect(transport);
  return client;
}

beforeAll(async () => {
  sim = await startSimCluster({ scenario: 'demo' });
  writeFileSync(kubeconfig, sim.kubeconfig);
  external = await startExternalMcpServer();
}, 60_000);
afterAll(async () => {
  await sim?.stop();
  await external?.stop();
  rmSync(cwd, { recursive: true, force: true });
});

describe('opspilot mcp with the organisation’s external MCP servers', { timeout: 180_000 }, () => {
  it('offers their allowed tools to an MCP client and calls them, labelled untrusted', async () => {
    const http = await cli(['chat', 'servers', 'add', 'runbooks', '--url', external.url, '--allow', 'find_runbook']);
    expect(http.code, http.err).toBe(0);
    const stdio = await cli([
      'chat',
      'servers',
      'add',
      'echoer',
      '--command',
      process.execPath,
      '--arg',
      STDIO_SERVER,
      '--allow',
      'echo',
    ]);
    expect(stdio.code, stdio.err).toBe(0);

    const client = await startMcp();
    try {
      const names = (await client.listTools()).tools.map((t) => t.name);
      expect(names).toEqual(expect.arrayContaining(['runbooks__find_runbook', 'echoer__echo', 'list_objects']));
      // A tool of the external server that is not allowed is not offered, and cannot be called.
      expect(names).not.toContain('runbooks__delete_page');
      const refused = await client.callTool({ name: 'runbooks__delete_page', arguments: { id: 'home' } });
      expect(refused.isError).toBe(true);

      const found = await client.callTool({ name: 'runbooks__find_runbook', arguments: { alert: 'DiskFull' } });
      expect(found.isError).toBe(false);
      expect(text(found)).toMatch(/^<untrusted-cluster-data source="mcp:runbooks runbooks__find_runbook">/);
      expect(text(found)).toContain('Runbook for DiskFull');
      const echoed = await client.callTool({ name: 'echoer__echo', arguments: { text: 'hello' } });
      expect(text(echoed)).toContain('echo: hello');
      // Invalid arguments come back as the validation error, not a failure of the server.
      const bad = await client.callTool({ name: 'echoer__echo', arguments: {} });
      expect(bad.isError).toBe(true);
    } finally {
      await client.close();
    }
    expect(external.calls).toEqual(['find_runbook DiskFull']);
  });
});
