import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startExternalMcpServer, startFakeOpenAi } from '@opspilot/chat/testing';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../runCli.js';
import { memoryIo } from '../testing/index.js';

const STDIO_SERVER = fileURLToPath(new URL('./__fixtures__/stdioMcpServer.mjs', import.meta.url));

let sim: SimCluster;
let external: Awaited<ReturnType<typeof startExternalMcpServer>>;
let fake: Awaited<ReturnType<typeof startFakeOpenAi>>;
const cwd = mkdtempSync(join(tmpdir(), 'opspilot-cli-chat-mcp-'));
const kubeconfig = join(cwd, 'kubeconfig.yaml');
const env = { OPSPILOT_DATA_DIR: join(cwd, 'data'), OPSPILOT_USER: 'alice' };

beforeAll(async () => {
  sim = await startSimCluster({ scenario: 'demo' });
  writeFileSync(kubeconfig, sim.kubeconfig);
  external = await startExternalMcpServer();
  fake = await startFakeOpenAi([
    { toolCalls: [{ name: 'runbooks__find_runbook', arguments: { alert: 'DiskFull' } }] },
    { toolCalls: [{ name: 'echoer__echo', arguments: { text: 'hello' } }] },
    { text: 'The runbook says to grow the volume.' },
  ]);
}, 60_000);
afterAll(async () => {
  await sim?.stop();
  await external?.stop();
  await fake?.stop();
  rmSync(cwd, { recursive: true, force: true });
});

const cli = async (args: string[], extra: Record<string, string> = {}) => {
  const io = memoryIo({ ...env, ...extra }, cwd);
  const code = await runCli([...args, '--kubeconfig', kubeconfig], io);
  return { code, out: io.out(), err: io.err() };
};

describe('opspilot chat with the organisation’s external MCP servers', { timeout: 60_000 }, () => {
  it('adds an HTTP and a stdio server with their allowed tools, secrets masked', async () => {
    const http = await cli([
      'chat',
      'servers',
      'add',
      'runbooks',
      '--url',
      external.url,
      '--header',
      'authorization: Bearer very-secret',
      '--allow',
      'find_runbook',
    ]);
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
    const listed = await cli(['chat', 'servers', '-o', 'json']);
    expect(listed.out).not.toContain('very-secret');
    expect(
      JSON.parse(listed.out)
        .items.map((s: { name: string }) => s.name)
        .sort(),
    ).toEqual(['echoer', 'runbooks']);
    expect((await cli(['chat', 'servers', 'add', 'bad', '--allow', 'x'])).code).toBe(2);
  });

  it('mounts their allowed tools, which the model calls from chat, recorded as untrusted', async () => {
    const { code, out, err } = await cli(['chat', '--once', 'what does the DiskFull runbook say?', '-o', 'json'], {
      OPSPILOT_LLM_PROVIDER: 'openai-compatible',
      OPSPILOT_LLM_BASE_URL: fake.url,
      OPSPILOT_LLM_MODEL: 'gpt-4o-mini',
    });
    expect(code, err).toBe(0);
    const json = JSON.parse(out);
    expect(json.answer).toBe('The runbook says to grow the volume.');
    expect(json.tool_calls.map((c: { name: string }) => c.name)).toEqual(['runbooks__find_runbook', 'echoer__echo']);
    expect(json.tool_results.map((r: { status: string }) => r.status)).toEqual(['SUCCESS', 'SUCCESS']);
    expect(json.tool_results[0].result.content).toMatch(
      /^<untrusted-cluster-data source="mcp:runbooks runbooks__find_runbook">/,
    );
    expect(json.tool_results[1].result.content).toContain('echo: hello');
    expect(external.calls).toEqual(['find_runbook DiskFull']);
    // Only allowed tools are offered to the model.
    const offered = fake.requests[0]?.tools?.map((x) => x.function.name) ?? [];
    expect(offered).toEqual(expect.arrayContaining(['runbooks__find_runbook', 'echoer__echo', 'cost_allocation']));
    expect(offered).not.toContain('runbooks__delete_page');
  });

  it('offers the cost tools over the CLI cluster', async () => {
    const model = await startFakeOpenAi([
      { toolCalls: [{ name: 'cost_allocation', arguments: { since_hours: 2 } }] },
      { text: 'todo costs the most.' },
    ]);
    try {
      const { code, out, err } = await cli(['chat', '--once', 'what costs most?', '-o', 'json'], {
        OPSPILOT_LLM_PROVIDER: 'openai-compatible',
        OPSPILOT_LLM_BASE_URL: model.url,
        OPSPILOT_LLM_MODEL: 'gpt-4o-mini',
      });
      expect(code, err).toBe(0);
      const [result] = JSON.parse(out).tool_results;
      expect(result.status).toBe('SUCCESS');
      expect(result.result.data.currency).toBe('USD');
      expect(result.result.data.rows.map((r: { key: string }) => r.key)).toContain('todo');
    } finally {
      await model.stop();
    }
  });

  it('removes a server, audited', async () => {
    expect((await cli(['chat', 'servers', 'remove', 'echoer'])).code).toBe(0);
    expect(JSON.parse((await cli(['chat', 'servers', '-o', 'json'])).out).items).toHaveLength(1);
    const audit = await cli(['audit', 'list', '-o', 'json']);
    expect(audit.out).toContain('chat.mcp_server_remove');
  });
});
