import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { err, ok, type Result } from '@opspilot/core';

/** Why a webhook was refused before its body was read: no or a wrong signature. */
export interface SignatureProblem {
  reason: 'missing' | 'malformed' | 'mismatch';
  message: string;
}

/** Compares two strings in time independent of where they differ (both hashed first, so lengths may differ). */
function sameSecret(a: string, b: string): boolean {
  const da = createHash('sha256').update(a).digest();
  const db = createHash('sha256').update(b).digest();
  return timingSafeEqual(da, db);
}

/**
 * Verifies GitHub's `X-Hub-Signature-256` header — `sha256=` and the hex HMAC-SHA256 of the raw request body keyed
 * with the webhook's secret — with a timing-safe comparison. The body must be the bytes as received, not re-serialised
 * JSON.
 * @see https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries
 */
export function verifyGithubSignature(
  secret: string,
  rawBody: Buffer | string,
  header: string | undefined,
): Result<void, SignatureProblem> {
  if (!header) {
    return err({ reason: 'missing', message: 'the request has no X-Hub-Signature-256 header' });
  }
  const match = /^sha256=([0-9a-f]{64})$/i.exec(header.trim());
  if (!match?.[1]) {
    return err({ reason: 'malformed', message: 'X-Hub-Signature-256 is not "sha256=" and 64 hex digits' });
  }
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  const given = Buffer.from(match[1].toLowerCase(), 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return err({ reason: 'mismatch', message: 'X-Hub-Signature-256 does not match the body signed with the secret' });
  }
  return ok(undefined);
}

/**
 * Verifies GitLab's `X-Gitlab-Token` header, which carries the webhook's secret token itself, with a timing-safe
 * comparison.
 * @see https://docs.gitlab.com/user/project/integrations/webhooks/#validate-payloads-by-using-a-secret-token
 */
export function verifyGitlabToken(secret: string, header: string | undefined): Result<void, SignatureProblem> {
  if (!header) return err({ reason: 'missing', message: 'the request has no X-Gitlab-Token header' });
  if (!sameSecret(secret, header)) {
    return err({ reason: 'mismatch', message: 'X-Gitlab-Token does not match the configured secret token' });
  }
  return ok(undefined);
}

/** Signs a body as GitHub does (`sha256=<hex>`): for tests and for checking a configuration by hand. */
export function githubSignatureOf(secret: string, rawBody: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}
