import type { AddressInfo } from 'node:net';
import { type FakeReply, startFakeOpenAi } from '@opspilot/chat/testing';
import type { Event } from '@opspilot/core';
import { startSimCluster } from '@opspilot/kube-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi } from '../testing/index.js';

/** A server (offline, or with a fake OpenAI-compatible model), the demo cluster granted to everyone but admins. */
async function setup(script?: FakeReply[]) {
  const fake = script ? await startFakeOpenAi(script) : undefined;
  const t = await startTestApi(
    fake ? { config: { llm: { provider: 'openai-compatible', base_url: fake.url, model: 'gpt-4o-mini' } } } : {},
  );
  const sim = await startSimCluster({ scenario: 'demo', clock: t.clock });
  const clusterId: string = (
    await t.rest('POST', '/clusters', t.users.admin.token, {
      name: 'sim',
      api_server_url: sim.url,
      kubeconfig: sim.kubeconfig,
    })
  ).json().id;
  for (const who of ['viewer', 'operator', 'approver'] as const) {
    await t.rest('POST', `/users/${t.users[who].user.id}/clusters/${clusterId}`, t.users.admin.token, {});
  }
  const events: Event[] = [];
  t.services.bus.subscribe({ event_types: ['CHAT_MESSAGE'] }, (e) => {
    events.push(e);
  });
  const start = async (token: string, persona_id?: string) =>
    (
      await t.rest('POST', '/chat/sessions', token, { cluster_ids: [clusterId], ...(persona_id ? { persona_id } : {}) })
    ).json();
  return {
    t,
    sim,
    fake,
    clusterId,
    events,
    start,
    close: async () => {
      await t.close();
      await sim.stop();
      await fake?.stop();
    },
  };
}

describe('the chat router, offline', () => {
  let s: Awaited<ReturnType<typeof setup>>;
  beforeAll(async () => {
    s = await setup();
  });
  afterAll(async () => s?.close());

  it('lists the built-in personas', async () => {
    const personas = (await s.t.rest('GET', '/chat/personas', s.t.users.viewer.token)).json().items;
    expect(personas.map((p: { id: string }) => p.id)).toEqual([
      'sre-oncall',
      'security-analyst',
      'finops-analyst',
      'developer',
      'executive',
    ]);
  });

  it('proposes an operation from chat that waits for approval and is approved', async () => {
    const session = await s.start(s.t.users.operator.token);
    const sent = await s.t.rest('POST', `/chat/sessions/${session.id}/messages`, s.t.users.operator.token, {
      text: 'scale deployment backend in todo to 3 replicas',
    });
    expect(sent.statusCode).toBe(200);
    const body = sent.json();
    expect(body.model).toBe('offline');
    expect(body.answer).toMatch(/waits for approval/);
    const result = body.messages.flatMap((m: { tool_results: unknown[] }) => m.tool_results)[0];
    expect(result).toMatchObject({
      status: 'SUCCESS',
      result: { tool: 'propose_operation', data: { state: 'NEEDS_REVIEW' } },
    });
    const id = result.result.data.operation_id;
    const approved = await s.t.rest('POST', `/ops/${id}/approve`, s.t.users.approver.token, {});
    expect(approved.json().state).toBe('APPROVED');
    expect(s.events.map((e) => e.payload.role)).toEqual(['USER', 'ASSISTANT', 'TOOL', 'ASSISTANT']);
    expect(s.events[0]).toMatchObject({
      cluster_id: s.clusterId,
      payload: { session_id: session.id, user_id: s.t.users.operator.user.id },
    });
    const listed = (await s.t.rest('GET', `/chat/sessions/${session.id}/messages`, s.t.users.operator.token)).json();
    expect(listed.session).toMatchObject({ title: 'scale deployment backend in todo to 3 replicas', message_count: 4 });
  });

  it('keeps a session to its owner and gives VIEWERs no proposals', async () => {
    const session = await s.start(s.t.users.viewer.token);
    expect((await s.t.rest('GET', `/chat/sessions/${session.id}/messages`, s.t.users.operator.token)).statusCode).toBe(
      404,
    );
    const sent = await s.t.rest('POST', `/chat/sessions/${session.id}/messages`, s.t.users.viewer.token, {
      text: 'scale deployment backend in todo to 5 replicas',
    });
    expect(sent.json().answer).toMatch(/needs a language model/);
    expect((await s.t.store.operations.list({ cluster_id: s.clusterId })).items).toHaveLength(1);
  });

  it('refuses a cluster the caller may not see and an unknown persona', async () => {
    const other = await s.t.addUser('outsider', 'OPERATOR');
    expect((await s.t.rest('POST', '/chat/sessions', other.token, { cluster_ids: [s.clusterId] })).statusCode).toBe(
      404,
    );
    expect((await s.t.rest('POST', '/chat/sessions', other.token, { persona_id: 'nobody-here' })).statusCode).toBe(404);
  });

  it('lets administrators add a custom persona that limits the tools', async () => {
    const created = await s.t.rest('POST', '/chat/personas', s.t.users.admin.token, {
      id: 'db-oncall',
      name: 'Database on call',
      system_prompt: 'You look after the databases.',
      capabilities: ['list_objects', 'get_logs'],
    });
    expect(created.statusCode).toBe(200);
    expect(
      (
        await s.t.rest('POST', '/chat/personas', s.t.users.operator.token, {
          id: 'nope-nope',
          name: 'x',
          system_prompt: 'y',
        })
      ).statusCode,
    ).toBe(403);
    const session = await s.start(s.t.users.operator.token, 'db-oncall');
    const sent = await s.t.rest('POST', `/chat/sessions/${session.id}/messages`, s.t.users.operator.token, {
      text: 'what is wrong?',
    });
    expect(sent.json().answer).toMatch(/needs a language model/);
    expect(sent.json().messages.flatMap((m: { tool_calls: unknown[] }) => m.tool_calls)).toEqual([]);
  });
});

describe('the chat stream with a model (server-sent events)', () => {
  let s: Awaited<ReturnType<typeof setup>>;
  let base: string;
  beforeAll(async () => {
    s = await setup([
      { toolCalls: [{ name: 'list_objects', arguments: { kind: 'Deployment', namespace: 'todo' } }] },
      { text: 'The todo namespace runs backend and frontend.' },
    ]);
    await s.t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(s.t.app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => s?.close());

  it('streams text, tool calls and results, then the outcome', async () => {
    const session = await s.start(s.t.users.operator.token);
    const response = await fetch(`${base}/api/chat/sessions/${session.id}/stream`, {
      method: 'POST',
      headers: { authorization: `Bearer ${s.t.users.operator.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'what runs in todo?' }),
    });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const frames = (await response.text())
      .split('\n\n')
      .filter(Boolean)
      .map((f) => ({ event: /^event: (\w+)/.exec(f)?.[1], data: JSON.parse(f.split('\ndata: ')[1] ?? 'null') }));
    const kinds = frames.map((f) => f.event);
    expect(kinds.slice(0, 2)).toEqual(['tool_call', 'tool_result']);
    expect(kinds.at(-1)).toBe('done');
    expect(frames[1]?.data).toMatchObject({ name: 'list_objects', status: 'SUCCESS' });
    expect(
      frames
        .filter((f) => f.event === 'text')
        .map((f) => f.data.delta)
        .join(''),
    ).toBe('The todo namespace runs backend and frontend.');
    expect(frames.at(-1)?.data).toMatchObject({
      model: 'openai-compatible:gpt-4o-mini',
      answer: 'The todo namespace runs backend and frontend.',
    });
    expect(s.fake?.requests.every((r) => r.stream)).toBe(true);
  });

  it('refuses a stream without credentials', async () => {
    const session = await s.start(s.t.users.operator.token);
    const response = await fetch(`${base}/api/chat/sessions/${session.id}/stream`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'hi' }),
    });
    expect(response.status).toBe(401);
  });
});
