import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClusterGateway } from '@opspilot/kube';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { currentFindings } from '@opspilot/remediate';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../runCli.js';
import { memoryIo } from '../testing/index.js';

let sim: SimCluster;
const cwd = mkdtempSync(join(tmpdir(), 'opspilot-cli-repair-port-'));
const kubeconfig = join(cwd, 'kubeconfig.yaml');
const env = { OPSPILOT_DATA_DIR: join(cwd, 'data'), OPSPILOT_USER: 'alice' };

/** A chat-completions endpoint (OpenAI wire format) that counts what it is asked and answers with text only. */
let llm: Server;
const llmBodies: string[] = [];

const memcache = (namespace: string, memory: string) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'memcache', namespace },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: 'memcache' } },
    template: {
      metadata: { labels: { app: 'memcache' } },
      spec: { containers: [{ name: 'app', image: 'opspilot/memory-hog:1.0', resources: { limits: { memory } } }] },
    },
  },
});

beforeAll(async () => {
  llm = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    req.on('end', () => {
      llmBodies.push(body);
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({
          id: 'chatcmpl-1',
          object: 'chat.completion',
          created: 0,
          model: 'test-model',
          choices: [{ index: 0, message: { role: 'assistant', content: 'Restart it.' }, finish_reason: 'stop' }],
          usage: { prompt_tokens: 10, completion_tokens: 3, total_tokens: 13 },
        }),
      );
    });
  });
  await new Promise<void>((r) => llm.listen(0, '127.0.0.1', r));
  // Real time: the memory hog is OOM-killed a second or two after it starts.
  sim = await startSimCluster({});
  writeFileSync(kubeconfig, sim.kubeconfig);
  const gateway = createClusterGateway({ kubeconfigYaml: sim.kubeconfig });
  await gateway.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'cli-port-llm' } });
  await gateway.apply(memcache('cli-port-llm', '128Mi') as never);
  await gateway.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'cli-port' } });
  await gateway.apply({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'memcache', namespace: 'cli-port' },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: 'memcache' } },
      template: {
        metadata: { labels: { app: 'memcache' } },
        spec: {
          containers: [{ name: 'app', image: 'opspilot/memory-hog:1.0', resources: { limits: { memory: '512Mi' } } }],
        },
      },
    },
  } as never);
  await vi.waitFor(
    async () => {
      const found = await currentFindings(gateway, new Date(), { namespace: 'cli-port' });
      expect(found.map((f) => f.analyzer)).toContain('pod-oom-killed');
      const model = await currentFindings(gateway, new Date(), { namespace: 'cli-port-llm' });
      expect(model.map((f) => f.analyzer)).toContain('pod-oom-killed');
    },
    { timeout: 30_000, interval: 500 },
  );
}, 60_000);
afterAll(async () => {
  await sim?.stop();
  await new Promise((r) => llm?.close(r));
  rmSync(cwd, { recursive: true, force: true });
});

const cli = async (...args: string[]) => cliWith(env, ...args);
const cliWith = async (vars: Record<string, string>, ...args: string[]) => {
  const io = memoryIo(vars, cwd);
  const code = await runCli([...args, '--kubeconfig', kubeconfig], io);
  return { code, out: io.out(), err: io.err() };
};

describe('opspilot ask: a repair only the grounded planner can place reaches the catalogue', () => {
  it('fixes "the memcach deployment" (misspelt, no problem word) with the catalogue\'s fix, applied and verified', {
    timeout: 90_000,
  }, async () => {
    const words = 'please repair the memcach deployment'.split(' ');
    const { code, out, err } = await cli('ask', ...words, '-n', 'cli-port', '--yes', '--settle', '2', '-o', 'json');
    expect(code, err).toBe(0);
    const answer = JSON.parse(out);
    expect(answer).toMatchObject({ status: 'APPLIED', risk: 'write' });
    expect(answer.plan.planner).toBe('remediate:oom:raise-memory-limit');
    expect(answer.plan.request).toMatch(/repair the memcach deployment \(deployment cli-port memcache\)$/);
    expect(answer.fix).toEqual({ status: 'VERIFIED', message: expect.stringMatching(/no restarts for 2s$/) });
  });
});

describe('opspilot ask with a model configured: a repair goes through the same catalogue port', () => {
  it('fixes the demo-like memory hog (128Mi, needs 900Mi) from the catalogue, the model not asked', {
    timeout: 90_000,
  }, async () => {
    const withModel = {
      ...env,
      OPSPILOT_LLM_PROVIDER: 'openai-compatible',
      OPSPILOT_LLM_BASE_URL: `http://127.0.0.1:${(llm.address() as AddressInfo).port}/v1`,
      OPSPILOT_LLM_MODEL: 'test-model',
    };
    const words = 'please repair the memcach deployment'.split(' ');
    const { code, out, err } = await cliWith(
      withModel,
      'ask',
      ...words,
      '-n',
      'cli-port-llm',
      '--yes',
      '--settle',
      '2',
      '-o',
      'json',
    );
    expect(code, err).toBe(0);
    const answer = JSON.parse(out);
    expect(answer.plan.planner).toBe('remediate:oom:raise-memory-limit');
    expect(answer.plan.request).toMatch(/\(deployment cli-port-llm memcache\)$/);
    expect(answer.fix).toEqual({ status: 'VERIFIED', message: expect.stringMatching(/no restarts for 2s$/) });
    expect(answer.diff).toMatch(/-\s+memory: 128Mi\n\+\s+memory: 1Gi/);
    expect(llmBodies).toEqual([]);
  });
});
