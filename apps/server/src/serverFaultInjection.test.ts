import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '@opspilot/store';
import { DIALECTS, TEST_DATABASE_URL } from '@opspilot/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from './testing/startServerProcess.js';

// The real server (`main.ts`, its embedded simulated cluster) runs as a child process and applies a two-step
// operation; `OPSPILOT_TEST_PAUSE_AFTER_FIRST_STEP` makes it say so once step 1 is applied and verified, and wait.
// SIGKILL then leaves the operation APPLYING with a lease nobody renews: the next start on the same database
// reconciles it once the lease expired. SIGTERM stops the apply after step 1, rolled back and recorded FAILED.
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
const MARKER = 'opspilot-test: step 1 applied';
/** A start on a loaded machine (seconds when quiet). */
const READY_WITHIN_MS = 150_000;
/** The 30 s lease of the killed server must expire, then the 30 s recovery round runs. */
const RECOVERED_WITHIN_MS = 120_000;
const REQUEST = 'scale frontend and backend to 3';
const todo = (name: string) => ({ kind: 'Deployment', name, namespace: 'todo' });
/** The model's answer to every request: a plan of two steps (the built-in planner makes one step per request). */
const TWO_STEP_PLAN = {
  summary: REQUEST,
  steps: [
    { op: 'scale', target: todo('frontend'), replicas: 3, description: 'scale frontend to 3' },
    { op: 'scale', target: todo('backend'), replicas: 3, description: 'scale backend to 3' },
  ],
};

/** An OpenAI-compatible model on 127.0.0.1 that answers every chat completion with {@link TWO_STEP_PLAN}. */
async function startPlanningModel(): Promise<Server> {
  const server = createHttpServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const call = { name: 'propose_plan', arguments: JSON.stringify(TWO_STEP_PLAN) };
      res.writeHead(200, { 'content-type': 'application/json' });
      // Only what the chat-completions client reads of an answer.
      const message = { role: 'assistant', tool_calls: [{ id: 'call_1', type: 'function', function: call }] };
      res.end(JSON.stringify({ choices: [{ index: 0, message, finish_reason: 'tool_calls' }] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

let model: Server;
beforeAll(async () => {
  model = await startPlanningModel();
});
afterAll(async () => {
  await new Promise((resolve) => model?.close(resolve));
});

/** Starts the server on `env`'s database (the administrator's token is printed on the first start only). */
const startMain = (env: Record<string, string>, firstStart = false) =>
  startServerProcess({
    args: ['--import', 'tsx', MAIN],
    cwd: ROOT,
    env: { ...env, OPSPILOT_LOG_LEVEL: 'warn' },
    firstStart,
    readyWithinMs: READY_WITHIN_MS,
  });

function stopped(child: ChildProcess, signal: NodeJS.Signals): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
  child.kill(signal);
  return exited;
}

describe.each(DIALECTS)('the server killed mid-apply on %s', (dialect) => {
  const schema = `opspilot_srvfault_${randomBytes(4).toString('hex')}`;
  let dir: string;
  let env: Record<string, string>;
  let server: ServerProcess | undefined;
  let token: string;
  let clusterId: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'opspilot-srvfault-'));
    env = {
      OPSPILOT_DATA_DIR: dir,
      OPSPILOT_TEST_PAUSE_AFTER_FIRST_STEP: '1',
      OPSPILOT_LLM_PROVIDER: 'openai',
      OPSPILOT_LLM_BASE_URL: `http://127.0.0.1:${(model.address() as AddressInfo).port}/v1`,
      OPSPILOT_LLM_API_KEY: 'sk-test',
      OPSPILOT_LLM_MODEL: 'gpt-4o-mini',
    };
    if (dialect === 'postgres') {
      // The schema is created here; the server's connections use it as their search_path.
      const store = await openStore({ databaseUrl: TEST_DATABASE_URL, postgresSchema: schema });
      await store.close();
      env.OPSPILOT_DATABASE_URL = `${TEST_DATABASE_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    }
    server = await startMain(env, true);
    token = server.token ?? '';
    expect(token).toMatch(/^ops_/);
    const clusters = (await api('GET', '/clusters')) as { items: { id: string; name: string }[] };
    clusterId = clusters.items.find((c) => c.name === 'sim-demo')?.id ?? '';
  }, READY_WITHIN_MS);
  afterAll(async () => {
    if (server) await stopped(server.child, 'SIGTERM');
    if (dialect === 'postgres') {
      const store = await openStore({ databaseUrl: TEST_DATABASE_URL });
      await store.db.schema.dropSchema(schema).ifExists().cascade().execute();
      await store.close();
    }
    await rm(dir, { recursive: true, force: true });
  }, READY_WITHIN_MS);

  async function call(method: string, path: string, body?: unknown): Promise<Response> {
    return fetch(`${server?.url}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
  }
  async function api(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await call(method, path, body);
    expect(response.status, await response.clone().text()).toBe(200);
    return response.json();
  }
  const operation = async (id: string) =>
    (await api('GET', `/ops/${id}`)) as {
      state: string;
      result?: string;
      steps: { status: string; message?: string }[];
    };
  const auditActions = async (id: string) => {
    const page = (await api('GET', '/audit?page_size=100')) as {
      items: { action: string; status: string; details: Record<string, unknown> }[];
    };
    return page.items.filter((e) => e.details.operation_id === id).reverse();
  };

  /** Asks for the two-step operation, approves it, and applies it until the server paused after step 1. */
  async function applyUntilStepOne(): Promise<string> {
    const asked = (await api('POST', '/ops/ask', { request: REQUEST, cluster_id: clusterId })) as {
      operation: { id: string; plan: unknown };
    };
    const { id, plan } = asked.operation;
    expect(plan).toMatchObject({ planner: 'openai:gpt-4o-mini', steps: [{ op: 'scale' }, { op: 'scale' }] });
    expect(await api('POST', `/ops/${id}/approve`, {})).toMatchObject({ state: 'APPROVED' });
    // Answered only once the apply ends, which the kill makes never: the request fails with the connection.
    void call('POST', `/ops/${id}/apply`, {}).catch(() => undefined);
    await expect.poll(() => server?.stdout() ?? '', { timeout: 60_000 }).toContain(MARKER);
    expect((await operation(id)).state).toBe('APPLYING');
    return id;
  }

  it(
    'SIGKILL after step 1: the next start reconciles the operation (no longer APPLYING), audited as operation.recovered',
    async () => {
      const id = await applyUntilStepOne();
      await stopped(server!.child, 'SIGKILL');
      server = await startMain(env);
      await expect
        .poll(async () => (await operation(id)).state, { timeout: RECOVERED_WITHIN_MS, interval: 1000 })
        .toMatch(/^(FAILED|APPLIED)$/);
      const recovered = await operation(id);
      expect(recovered.result).toMatch(/after its applier \(server:[^)]+\) stopped and its lease expired/);
      const entries = await auditActions(id);
      expect(entries.map((e) => e.action)).toEqual(['operation.proposed', 'operation.approved', 'operation.recovered']);
      expect(entries[2]?.details).toMatchObject({ state: recovered.state });
      // Not stuck: it is terminal, so approve and reject refuse it for its final state, not for being APPLYING.
      for (const action of ['approve', 'reject']) {
        const refused = await call('POST', `/ops/${id}/${action}`, {});
        expect(refused.status).toBe(409);
        expect(await refused.text()).toContain(recovered.state);
      }
    },
    READY_WITHIN_MS + RECOVERED_WITHIN_MS,
  );

  it(
    'SIGTERM after step 1: the server stops the apply after that step, records FAILED (interrupted) and audits it',
    async () => {
      const id = await applyUntilStepOne();
      expect(await stopped(server!.child, 'SIGTERM')).toBe(0);
      server = await startMain(env);
      const failed = await operation(id);
      expect(failed.state).toBe('FAILED');
      expect(failed.steps.map((s) => s.status)).toEqual(['rolled_back', 'failed']);
      expect(failed.steps[1]?.message).toMatch(/interrupted/);
      expect((await auditActions(id)).map((e) => e.action)).toEqual([
        'operation.proposed',
        'operation.approved',
        'operation.failed',
      ]);
    },
    2 * READY_WITHIN_MS,
  );
});
