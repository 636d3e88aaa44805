import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { githubSignatureOf, verifyGithubSignature, verifyGitlabToken } from './webhookSignature.js';

const body = readFileSync(new URL('./__fixtures__/github-workflow_run-completed.json', import.meta.url));

describe('verifyGithubSignature', () => {
  it('accepts the HMAC-SHA256 of the raw body with the secret', () => {
    expect(
      verifyGithubSignature('It’s a Secret to Everybody', body, githubSignatureOf('It’s a Secret to Everybody', body))
        .ok,
    ).toBe(true);
  });

  it("matches GitHub's published example", () => {
    // From GitHub's "Validating webhook deliveries" page: secret and payload with their expected signature.
    const sig = 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17';
    expect(verifyGithubSignature("It's a Secret to Everybody", 'Hello, World!', sig).ok).toBe(true);
  });

  it('refuses a wrong secret, a changed body, a malformed and a missing header', () => {
    const good = githubSignatureOf('s3cret', body);
    expect(verifyGithubSignature('other', body, good)).toMatchObject({ ok: false, error: { reason: 'mismatch' } });
    expect(verifyGithubSignature('s3cret', Buffer.concat([body, Buffer.from(' ')]), good)).toMatchObject({
      ok: false,
      error: { reason: 'mismatch' },
    });
    expect(verifyGithubSignature('s3cret', body, good.replace('sha256=', 'sha1='))).toMatchObject({
      ok: false,
      error: { reason: 'malformed' },
    });
    expect(verifyGithubSignature('s3cret', body, undefined)).toMatchObject({ ok: false, error: { reason: 'missing' } });
  });
});

describe('verifyGitlabToken', () => {
  it('accepts the configured token and refuses another or none', () => {
    expect(verifyGitlabToken('glhook-token', 'glhook-token').ok).toBe(true);
    expect(verifyGitlabToken('glhook-token', 'glhook-tokeN')).toMatchObject({
      ok: false,
      error: { reason: 'mismatch' },
    });
    expect(verifyGitlabToken('glhook-token', 'short')).toMatchObject({ ok: false, error: { reason: 'mismatch' } });
    expect(verifyGitlabToken('glhook-token', undefined)).toMatchObject({ ok: false, error: { reason: 'missing' } });
  });
});
