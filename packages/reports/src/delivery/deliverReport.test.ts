import { verifySignature } from '@opspilot/incidents';
import { describe, expect, it } from 'vitest';
import { deliverReport, type ReportPayload } from './deliverReport.js';

const payload: ReportPayload = {
  event: 'report.generated',
  report: {
    id: 'r1',
    title: 'Executive summary',
    report_type: 'EXECUTIVE_SUMMARY',
    format: 'MARKDOWN',
    created_at: '2026-12-06T00:00:00.000Z',
    time_range: { start: '2026-11-29T00:00:00.000Z', end: '2026-12-06T00:00:00.000Z' },
  },
  missing_sections: ['cost'],
  content_type: 'text/markdown',
  content_base64: Buffer.from('# Executive summary').toString('base64'),
};

function manualClock(start: string) {
  let now = Date.parse(start);
  const slept: number[] = [];
  return {
    slept,
    now: () => new Date(now),
    sleep: async (ms: number) => {
      slept.push(ms);
      now += ms;
    },
  };
}

describe('deliverReport', () => {
  it('signs the body and retries 5xx and network errors with doubling back-off until it arrives', async () => {
    const clock = manualClock('2026-12-06T00:00:00Z');
    const seen: { headers: Record<string, string>; body: string }[] = [];
    const answers: (number | Error)[] = [503, new Error('ECONNRESET'), 200];
    const outcome = await deliverReport(
      { url: 'https://hooks.example/r', secret: 's3cret-value' },
      payload,
      async (_url, headers, body) => {
        seen.push({ headers, body });
        const next = answers.shift() as number | Error;
        if (next instanceof Error) throw next;
        return next;
      },
      clock,
    );
    expect(outcome).toEqual({ url: 'https://hooks.example/r', ok: true, attempts: 3, status: 200 });
    expect(clock.slept).toEqual([1000, 2000]);
    const last = seen.at(-1)!;
    expect(
      verifySignature(
        's3cret-value',
        last.body,
        last.headers['X-Opspilot-Timestamp']!,
        last.headers['X-Opspilot-Signature']!,
      ),
    ).toBe(true);
    expect(
      verifySignature(
        'other-secret',
        last.body,
        last.headers['X-Opspilot-Timestamp']!,
        last.headers['X-Opspilot-Signature']!,
      ),
    ).toBe(false);
    expect(JSON.parse(last.body).missing_sections).toEqual(['cost']);
  });

  it('stops at a 4xx answer and gives up after the last attempt', async () => {
    const clock = manualClock('2026-12-06T00:00:00Z');
    expect(await deliverReport({ url: 'https://x/y' }, payload, async () => 404, clock)).toMatchObject({
      ok: false,
      attempts: 1,
      status: 404,
    });
    const down = await deliverReport(
      { url: 'https://x/y' },
      payload,
      async () => {
        throw new Error('ECONNREFUSED');
      },
      clock,
      { attempts: 3 },
    );
    expect(down).toMatchObject({ ok: false, attempts: 3, error: 'ECONNREFUSED' });
  });
});
