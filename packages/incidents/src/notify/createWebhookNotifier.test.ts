import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Incident, ManualClock } from '@opspilot/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebhookNotifier, type HttpPost } from './createWebhookNotifier.js';
import { verifySignature } from './signPayload.js';
import { WebhookEndpoint } from './webhookPayload.js';

const incident: Incident = {
  id: '6b1f6a8e-1d2c-4f3a-9b8c-7d6e5f4a3b2c',
  title: 'errors in backend',
  description: '',
  severity: 'HIGH',
  status: 'DETECTED',
  detected_at: '2026-03-01T09:00:00.000Z',
  affected_resources: [{ kind: 'Deployment', namespace: 'todo', name: 'backend' }],
  created_at: '2026-03-01T09:00:00.000Z',
};

/** A real HTTP receiver: answers with the next status of `statuses` (200 when they run out) and keeps what came. */
const received: { headers: Record<string, string>; body: string }[] = [];
let statuses: number[] = [];
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    received.push({ headers: req.headers as Record<string, string>, body });
    res.writeHead(statuses.shift() ?? 200).end();
  });
});
let url = '';
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const post: HttpPost = async (to, headers, body) => (await fetch(to, { method: 'POST', headers, body })).status;

describe('createWebhookNotifier', () => {
  it('posts signed generic JSON, retrying a 503 with back-off on the clock', async () => {
    received.length = 0;
    statuses = [503, 502];
    const clock = new ManualClock(new Date('2026-03-01T09:00:00Z'));
    const secret = 'a-very-secret-signing-key';
    const notifier = createWebhookNotifier([WebhookEndpoint.parse({ url, secret })], post, clock, { backoffMs: 1000 });
    const sending = notifier.notify('opened', incident);
    await expect.poll(() => clock.pending).toBe(1);
    await clock.advance(1000);
    await expect.poll(() => clock.pending).toBe(1);
    await clock.advance(2000);
    const [delivery] = await sending;
    expect(delivery).toMatchObject({ ok: true, attempts: 3, status: 200 });
    const last = received.at(-1)!;
    expect(JSON.parse(last.body)).toMatchObject({
      event: 'incident.opened',
      incident: { id: incident.id, phase: 'OPEN', recurring: false, occurrences: 1, first_seen: null },
    });
    expect(
      verifySignature(secret, last.body, last.headers['x-opspilot-timestamp']!, last.headers['x-opspilot-signature']!),
    ).toBe(true);
    expect(
      verifySignature(
        'another-secret-of-16+',
        last.body,
        last.headers['x-opspilot-timestamp']!,
        last.headers['x-opspilot-signature']!,
      ),
    ).toBe(false);
  });

  it('sends Slack-compatible messages only for the notices an endpoint wants, and gives up on a 400', async () => {
    received.length = 0;
    statuses = [400];
    const clock = new ManualClock();
    const notifier = createWebhookNotifier(
      [WebhookEndpoint.parse({ url, format: 'slack', events: ['resolved'] })],
      post,
      clock,
    );
    expect(await notifier.notify('opened', incident)).toEqual([]);
    const [delivery] = await notifier.notify('resolved', {
      ...incident,
      status: 'RESOLVED',
      resolved_at: '2026-03-01T10:00:00.000Z',
    });
    expect(delivery).toMatchObject({ ok: false, attempts: 1, status: 400 });
    const body = JSON.parse(received[0]!.body);
    expect(body.text).toBe(':white_check_mark: [HIGH] errors in backend — resolved');
    expect(body.blocks[0].type).toBe('section');
  });

  it('says in both formats when the cause was first seen and that it came back', async () => {
    received.length = 0;
    statuses = [];
    const recurring = {
      ...incident,
      cause_identity: 'oom-killed:deployment/todo/backend',
      first_seen: '2026-02-27T08:00:00.000Z',
      last_seen: '2026-03-01T09:00:00.000Z',
      occurrences: 3,
      recurring: true,
    };
    const notifier = createWebhookNotifier(
      [WebhookEndpoint.parse({ url }), WebhookEndpoint.parse({ url, format: 'slack' })],
      post,
      new ManualClock(),
    );
    await notifier.notify('opened', recurring);
    const bodies = received.map((r) => JSON.parse(r.body));
    const json = bodies.find((b) => 'event' in b);
    const slack = bodies.find((b) => 'blocks' in b);
    expect(json.incident).toMatchObject({
      cause_identity: 'oom-killed:deployment/todo/backend',
      first_seen: '2026-02-27T08:00:00.000Z',
      recurring: true,
      occurrences: 3,
    });
    const fields = slack.blocks[1].fields.map((f: { text: string }) => f.text);
    expect(fields).toEqual(
      expect.arrayContaining(['*First seen:* 2026-02-27T08:00:00.000Z', '*Recurring:* 3 incidents of this cause']),
    );
  });
});
