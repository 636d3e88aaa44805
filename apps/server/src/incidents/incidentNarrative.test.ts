import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../testing/index.js';
import { incidentsOf } from './incidentServices.js';

/** A loopback server speaking OpenAI's chat-completions wire format: fails while `failing`, else narrates. */
async function startModel() {
  const bodies: string[] = [];
  const state = { failing: true };
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString('utf8');
    });
    req.on('end', () => {
      bodies.push(body);
      res.setHeader('content-type', 'application/json');
      if (state.failing) {
        res.statusCode = 400;
        res.end(JSON.stringify({ error: { message: 'model overloaded', type: 'invalid_request_error', code: null } }));
        return;
      }
      // Names arrive as placeholders; the narrative copies one, which opspilot turns back into the name.
      const placeholder = /<name-\d+>/.exec(body)?.[0] ?? 'the service';
      res.end(
        JSON.stringify({
          id: 'chatcmpl-1',
          object: 'chat.completion',
          created: 0,
          model: 'test-model',
          choices: [
            {
              index: 0,
              message: {
                role: 'assistant',
                content: `Pods of ${placeholder} answered 500s; the alert fired and was resolved.`,
              },
              finish_reason: 'stop',
            },
          ],
          usage: { prompt_tokens: 100, completion_tokens: 12, total_tokens: 112 },
        }),
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    bodies,
    state,
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe('post-mortems with a model configured', () => {
  let model: Awaited<ReturnType<typeof startModel>>;
  let t: TestApi;
  let sim: SimCluster;
  beforeAll(async () => {
    model = await startModel();
    t = await startTestApi({
      config: { llm: { provider: 'openai-compatible', base_url: model.url, model: 'test-model' } },
    });
    sim = await startSimCluster({ scenario: 'demo', clock: t.clock });
    await t.rest('POST', '/clusters', t.users.admin.token, {
      name: 'sim',
      api_server_url: sim.url,
      kubeconfig: sim.kubeconfig,
    });
    await incidentsOf(t.services).start();
  });
  afterAll(async () => {
    incidentsOf(t.services).stop();
    await sim?.stop();
    await t?.close();
    await model?.stop();
  });

  it('has the model write the summary from the masked evidence, and keeps the deterministic one when it fails', async () => {
    const labels = {
      alertname: 'HighErrorRate',
      severity: 'critical',
      cluster: 'sim',
      namespace: 'todo',
      pod: 'backend-7f9c4-abcde',
    };
    await t.app.inject({
      method: 'POST',
      url: '/api/webhooks/alertmanager',
      headers: { authorization: `Bearer ${t.users.admin.token}` },
      payload: {
        version: '4',
        groupKey: '{}',
        truncatedAlerts: 0,
        status: 'firing',
        receiver: 'opspilot',
        groupLabels: {},
        commonLabels: labels,
        commonAnnotations: {},
        externalURL: 'http://alertmanager:9093',
        alerts: [
          {
            status: 'firing',
            labels,
            annotations: { summary: 'errors on the todo API' },
            startsAt: '2026-03-01T10:00:00Z',
            endsAt: '0001-01-01T00:00:00Z',
            generatorURL: 'http://prometheus:9090/graph',
            fingerprint: 'fp-narrative',
          },
        ],
      } as never,
    });
    await expect.poll(async () => (await t.rest('GET', '/incidents', t.users.admin.token)).json().total).toBe(1);
    const [incident] = (await t.rest('GET', '/incidents', t.users.admin.token)).json().items;

    // The model fails: the deterministic summary stays, and the timeline says why.
    const fallback = (await t.rest('POST', `/incidents/${incident.id}/postmortem`, t.users.admin.token, {})).json();
    expect(fallback.markdown).toMatch(/## Summary\n\nCRITICAL incident, detected/);
    expect(fallback.markdown).not.toContain('Summary written by');
    const notes = async () =>
      (await t.rest('GET', `/incidents/${incident.id}`, t.users.admin.token))
        .json()
        .timeline.filter((a: { action_type: string }) => a.action_type === 'postmortem')
        .map((a: { description: string }) => a.description);
    expect(await notes()).toEqual([
      expect.stringMatching(/^post-mortem generated \(openai-compatible:test-model failed: .*model overloaded/),
    ]);

    model.state.failing = false;
    const sentBefore = model.bodies.length;
    const written = (await t.rest('POST', `/incidents/${incident.id}/postmortem`, t.users.admin.token, {})).json();
    expect(written.markdown).toContain(
      '## Summary\n\nPods of backend-7f9c4-abcde answered 500s; the alert fired and was resolved.\n\n_Summary written by openai-compatible:test-model',
    );
    expect(written.markdown).toContain('## Timeline'); // the rest stays generated from the record
    expect(await notes()).toContain('post-mortem generated, summary by openai-compatible:test-model');

    // What the model saw: the timeline and evidence as untrusted data, with the names masked.
    const sent = model.bodies.slice(sentBefore).join('\n');
    expect(sent).toContain('untrusted-incident-data');
    expect(sent).toContain('errors on the <ns-1> API'); // the namespace masked too
    expect(sent).not.toContain('backend-7f9c4-abcde');
  });
});
