import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { advanceClock } from '@opspilot/kube-sim/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { type RunningServer, startServer } from '../../startServer.js';
import { startTestApi, type TestApi } from '../../testing/index.js';

describe('the logs router and the live log socket, on a simulated cluster', () => {
  let t: TestApi;
  let sim: SimCluster;
  let server: RunningServer;
  let clusterId: string;
  beforeAll(async () => {
    t = await startTestApi();
    sim = await startSimCluster({ scenario: 'demo', clock: t.clock });
    await advanceClock(t.clock, 60_000);
    const registered = await t.rest('POST', '/clusters', t.users.admin.token, {
      name: 'sim-demo',
      api_server_url: sim.url,
      kubeconfig: sim.kubeconfig,
    });
    clusterId = registered.json().id;
    await t.rest('POST', `/users/${t.users.viewer.user.id}/clusters/${clusterId}`, t.users.admin.token, {});
    server = await startServer({
      config: t.services.config,
      store: { ping: async () => undefined, close: async () => undefined },
      logger: t.services.logger,
      services: { ...t.services, close: async () => undefined },
    });
  });
  afterAll(async () => {
    await server?.close();
    await sim?.stop();
    await t?.close();
  });

  it('answers a LogQL-subset query with lines, stream labels, limits and per-cluster status', async () => {
    const q = encodeURIComponent('{namespace="todo", app="backend"} |= "GET"');
    const answer = await t.rest('GET', `/logs?query=${q}&since=1h&limit=2`, t.users.viewer.token);
    expect(answer.statusCode, answer.body).toBe(200);
    const body = answer.json();
    expect(body.entries).toHaveLength(2);
    expect(body.entries[0]).toMatchObject({
      cluster_id: clusterId,
      cluster_name: 'sim-demo',
      stream: { app: 'backend' },
    });
    expect(body).toMatchObject({ source: 'kubernetes', status: 'SUCCESS', truncated: true, limit: 2 });
    expect(body.notes[0]).toContain('showing 2');
    expect((await t.rest('GET', `/logs?query=${q}`, t.users.approver.token)).json().entries).toEqual([]);
  });

  it('refuses LogQL outside the subset with 400 naming the position and the subset', async () => {
    const q = encodeURIComponent('{app="backend"} | json');
    const answer = await t.rest('GET', `/logs?query=${q}`, t.users.viewer.token);
    expect(answer.statusCode).toBe(400);
    expect(answer.json().message).toContain('position 17');
    expect(answer.json().details.hint).toContain('|~ "regex"');
  });

  it('follows new lines over the WebSocket', async () => {
    const q = encodeURIComponent('{namespace="todo", app="backend"}');
    const socket = new WebSocket(`${server.url.replace(/^http/, 'ws')}/api/logs/follow?query=${q}&poll_ms=20`, {
      headers: { authorization: `Bearer ${t.users.viewer.token}` },
    });
    const messages: { entries?: { message: string }[]; error?: string }[] = [];
    socket.on('message', (data) => messages.push(JSON.parse(String(data))));
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    try {
      await expect
        .poll(async () => {
          await advanceClock(t.clock, 10_000);
          return messages.flatMap((m) => m.entries ?? []).length;
        })
        .toBeGreaterThan(0);
      expect(messages.some((m) => m.error)).toBe(false);
    } finally {
      socket.close();
    }
    const bad = new WebSocket(
      `${server.url.replace(/^http/, 'ws')}/api/logs/follow?query=${encodeURIComponent('rate({a="b"}[1m])')}`,
      {
        headers: { authorization: `Bearer ${t.users.viewer.token}` },
      },
    );
    const refusal = await new Promise<{ error: string }>((resolve) =>
      bad.once('message', (d) => resolve(JSON.parse(String(d)))),
    );
    expect(refusal.error).toContain('position 1');
  });
});
