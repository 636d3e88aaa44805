import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The signature headers of a notification: `X-Opspilot-Timestamp` (Unix seconds) and `X-Opspilot-Signature`
 * (`sha256=` + hex HMAC-SHA256 over `timestamp.body` with the endpoint's secret), as Slack and GitHub sign theirs;
 * a receiver recomputes it and refuses old timestamps to stop replays.
 */
export function signPayload(secret: string, body: string, timestampSeconds: number): Record<string, string> {
  const mac = createHmac('sha256', secret).update(`${timestampSeconds}.${body}`).digest('hex');
  return { 'X-Opspilot-Timestamp': String(timestampSeconds), 'X-Opspilot-Signature': `sha256=${mac}` };
}

/** Checks a received signature (constant time) — what a receiver of opspilot's webhooks does. */
export function verifySignature(secret: string, body: string, timestamp: string, signature: string): boolean {
  const expected = signPayload(secret, body, Number(timestamp))['X-Opspilot-Signature'] as string;
  const a = Buffer.from(expected);
  const b = Buffer.from(signature);
  return a.length === b.length && timingSafeEqual(a, b);
}
