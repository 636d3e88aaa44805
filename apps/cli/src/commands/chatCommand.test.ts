import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../runCli.js';
import { memoryIo } from '../testing/index.js';

let sim: SimCluster;
const cwd = mkdtempSync(join(tmpdir(), 'opspilot-cli-chat-'));
const kubeconfig = join(cwd, 'kubeconfig.yaml');
const env = { OPSPILOT_DATA_DIR: join(cwd, 'data'), OPSPILOT_USER: 'alice' };

beforeAll(async () => {
  sim = await startSimCluster({ scenario: 'demo' });
  writeFileSync(kubeconfig, sim.kubeconfig);
}, 60_000);
afterAll(async () => {
  await sim?.stop();
  rmSync(cwd, { recursive: true, force: true });
});

const chat = async (args: string[], stdin?: string[]) => {
  const io = {
    ...memoryIo(env, cwd),
    ...(stdin
      ? {
          stdin: (async function* () {
            yield stdin.join('\n');
          })(),
        }
      : {}),
  };
  const code = await runCli(['chat', '--kubeconfig', kubeconfig, ...args], io);
  return { code, out: io.out(), err: io.err() };
};
const replicas = () =>
  (sim.store.get(sim.api.registry.find('apps', 'v1', 'deployments')!, 'todo', 'backend').spec as { replicas: number })
    .replicas;

describe('opspilot chat', () => {
  it('answers one question offline as JSON, proposing a change that waits for approval', async () => {
    const before = replicas();
    const { code, out } = await chat(['--once', 'scale deployment backend in todo to 4 replicas', '-o', 'json']);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json).toMatchObject({
      model: 'offline',
      persona_id: 'sre-oncall',
      tool_calls: [{ name: 'propose_operation' }],
    });
    expect(json.answer).toMatch(/waits for approval/);
    expect(json.tool_results[0]).toMatchObject({ status: 'SUCCESS', result: { data: { state: 'NEEDS_REVIEW' } } });
    expect(replicas()).toBe(before);
  });

  it('diagnoses in YAML with a persona, and says what needs a model', async () => {
    const { out } = await chat(['--once', 'what is wrong in namespace todo?', '--persona', 'developer', '-o', 'yaml']);
    expect(parse(out)).toMatchObject({
      persona_id: 'developer',
      tool_calls: [{ name: 'analyze', arguments: { namespace: 'todo' } }],
    });
    const poem = await chat(['--once', 'write a poem', '--persona', 'executive']);
    expect(poem.out).toMatch(/needs a language model/);
  });

  it('runs interactively, keeping the conversation in a session that can be continued', async () => {
    const first = await chat([], ['what is wrong in namespace todo?', '/exit']);
    expect(first.code).toBe(0);
    expect(first.err).toMatch(/opspilot chat — SRE \(offline: planner and analyzers\), session [0-9a-f-]{36}/);
    expect(first.err).toContain('→ analyze {"namespace":"todo"}');
    expect(first.out).toMatch(/analyzers found/);
    const id = /session ([0-9a-f-]{36})/.exec(first.err)?.[1] as string;
    const again = await chat(['--session', id, '--once', 'list pods in todo', '-o', 'json']);
    expect(JSON.parse(again.out).session_id).toBe(id);
    expect((await chat(['--session', '0b4b1b0e-7f0a-4a8e-9d3c-2b1a0f9e8d7c', '--once', 'hi'])).code).not.toBe(0);
  });
});
