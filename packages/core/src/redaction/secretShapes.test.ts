import { describe, expect, it } from 'vitest';
import { isHighEntropy, REDACTED, redactText, SECRET_SHAPES } from './secretShapes.js';

/** A deterministic random-looking token of `length` characters from `alphabet` (no real credential in the repo). */
export function fakeToken(
  length: number,
  seed = 7,
  alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789',
) {
  let x = seed;
  let out = '';
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    out += alphabet[x % alphabet.length];
  }
  return out;
}

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const jwt = `eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJib2IifQ.${fakeToken(43, 3)}`;
const pem = `-----BEGIN RSA PRIVATE KEY-----\nMIIEow${fakeToken(60, 4)}\n-----END RSA PRIVATE KEY-----`;

// Each shape of the catalogue: a line carrying a planted value, the value, and what must be kept around it.
const CASES: [id: string, line: string, secret: string, kept: string][] = [
  ['pem-private-key', `key:\n${pem}\nafter`, 'MIIEow', 'after'],
  ['pem-private-key', `-----BEGIN PRIVATE KEY-----\nMIIEvg${fakeToken(40, 5)}`, 'MIIEvg', ''],
  ['stripe-key', `charging with sk_live_${fakeToken(24, 6)} now`, `sk_live_${fakeToken(24, 6)}`, 'charging with'],
  ['stripe-key', `rk_test_${fakeToken(24, 8)}`, fakeToken(24, 8), ''],
  ['openai-anthropic-key', `OPENAI=sk-proj-${fakeToken(40, 9)}`, fakeToken(40, 9), 'OPENAI='],
  ['openai-anthropic-key', `using sk-ant-api03-${fakeToken(30, 10)}`, fakeToken(30, 10), 'using'],
  ['github-token', `git clone with ghp_${fakeToken(36, 11)}`, fakeToken(36, 11), 'git clone'],
  ['github-token', `gho_${fakeToken(36, 12)}`, fakeToken(36, 12), ''],
  ['github-token', `github_pat_11ABCDEFG_${fakeToken(50, 13)}`, fakeToken(50, 13), ''],
  ['gitlab-token', `glpat-${fakeToken(20, 14)} pushed`, fakeToken(20, 14), 'pushed'],
  ['slack-token', `xoxb-1234567890-${fakeToken(24, 15)}`, fakeToken(24, 15), ''],
  ['slack-token', `xoxp-1234567890-${fakeToken(24, 16)}`, fakeToken(24, 16), ''],
  ['aws-access-key', `aws_access_key_id AKIA${fakeToken(16, 17, UPPER)} region`, fakeToken(16, 17, UPPER), 'region'],
  ['google-api-key', `maps key AIza${fakeToken(35, 18)}`, fakeToken(35, 18), 'maps'],
  ['jwt', `session ${jwt} ok`, jwt.split('.')[2]!, 'session'],
  ['authorization-header', 'Authorization: Bearer abc.def.ghi-123456', 'abc.def.ghi-123456', 'Authorization: Bearer'],
  ['authorization-header', 'Authorization: Basic dXNlcjpodW50ZXIy', 'dXNlcjpodW50ZXIy', 'Basic'],
  ['url-credentials', 'DATABASE_URL postgres://app:s3cret@db:5432/todo', 's3cret', 'postgres://app:'],
];

describe('the secret catalogue', () => {
  it('has a case for every shape', () => {
    expect(new Set(CASES.map(([id]) => id))).toEqual(new Set(SECRET_SHAPES.map((s) => s.id)));
  });

  it.each(CASES)('%s: %s', (_id, line, secret, kept) => {
    const out = redactText(line);
    expect(out).not.toContain(secret);
    expect(out).toContain(REDACTED);
    expect(out).toContain(kept);
  });

  it.each([
    ['password=hunter2', 'password=[REDACTED]'],
    ['pw=hunter2', 'pw=[REDACTED]'],
    ['pwd: hunter2', 'pwd: [REDACTED]'],
    ['token: abc123', 'token: [REDACTED]'],
    ['--db-password=hunter2 --port=5432', '--db-password=[REDACTED] --port=5432'],
    ['DB_PASSWORD=hunter2 MODE=fast', 'DB_PASSWORD=[REDACTED] MODE=fast'],
    ['{"api_key": "abc123", "replicas": 3}', '{"api_key": "[REDACTED]", "replicas": 3}'],
    ["client_secret='xyz'", "client_secret='[REDACTED]'"],
    ['accessKey=abc credentials: x1', 'accessKey=[REDACTED] credentials: [REDACTED]'],
    ['create a secret db with password hunter2 in todo', 'create a secret db with password [REDACTED] in todo'],
    ['with username bob and password "correct horse"', 'with username bob and password "[REDACTED]"'],
    ['the pw is hunter2', 'the pw is [REDACTED]'],
    ['my api key abc123', 'my api key [REDACTED]'],
    ['create a secret s with key API_TOKEN value abc123', 'create a secret s with key API_TOKEN value [REDACTED]'],
    ['a token of zz9-plural', 'a token of [REDACTED]'],
  ])('key names and phrasings: %s', (line, expected) => {
    expect(redactText(line)).toBe(expected);
  });

  it('finds long random-looking tokens without a known prefix', () => {
    const token = fakeToken(40, 21);
    expect(isHighEntropy(token)).toBe(true);
    expect(redactText(`X-Api: ${token} sent`)).toBe(`X-Api: ${REDACTED} sent`);
    expect(redactText(Buffer.from(fakeToken(48, 22)).toString('base64'))).toBe(REDACTED);
  });

  it.each([
    'GET /api/todos 200 in 12ms',
    'image: ghcr.io/acme/backend:1.4.2@sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    'pod backend-7d9f8c6b5d-x2k4p uid 4f9c2c9e-8c1b-4d0f-9a7e-2b6f1e0c3d5a scheduled on sim-worker-1',
    'replicas: 3',
    'Deployment todo/frontend has 2/3 ready; kind: Secret, secretName: db-creds, secretKeyRef: { name: db-creds, key: password }',
    'password reset failed for user bob; token expired; invalid token',
    'Basic authentication required',
    'serviceAccountName: backend-reader tokenPath: /var/run/secrets/token',
    'http://backend.todo.svc.cluster.local:8080/healthz',
    '/usr/share/nginx/html/index.html',
    'create a secret db-creds with password [REDACTED] in todo',
  ])('keeps ordinary text: %s', (line) => {
    expect(redactText(line)).toBe(line);
  });

  it('is idempotent for either marker', () => {
    const line = 'password=hunter2 pw hunter3 url=https://u:p4ss@h/x';
    expect(redactText(redactText(line))).toBe(redactText(line));
    expect(redactText(redactText(line, '<redacted>'), '<redacted>')).toBe(redactText(line, '<redacted>'));
    expect(redactText(line, '<redacted>')).toBe('password=<redacted> pw <redacted> url=https://u:<redacted>@h/x');
  });

  it('scans long hostile text in linear time', () => {
    const hostile = ['a-'.repeat(50_000), 'password="'.repeat(2_000), '-----BEGIN PRIVATE KEY-----'.repeat(500)].join(
      '\n',
    );
    expect(redactText(hostile).length).toBeGreaterThan(0);
  });
});
