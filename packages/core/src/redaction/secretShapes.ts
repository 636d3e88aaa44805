import { isSecretKey } from './secretKeys.js';

/** What replaces a secret value in text sent to a model. */
export const REDACTED = '[REDACTED]';

/** One shape of secret that {@link redactText} recognises in free text. */
export interface SecretShape {
  id: string;
  /** What it catches, for the documentation and the tests. */
  description: string;
  /** Global; every quantifier bounded or over a single class, so the scan stays linear in the text. */
  pattern: RegExp;
  /** What a match becomes: the whole match by default, or only the part after a kept prefix. */
  keep?: (match: string) => string;
}

const keepUntil = (re: RegExp) => (match: string) => re.exec(match)?.[0] ?? '';

/**
 * The catalogue of secret shapes found in free text (logs, events, annotations, requests, tool results). Ordered:
 * whole blocks first, then known token prefixes, then credentials in URLs and headers.
 */
export const SECRET_SHAPES: readonly SecretShape[] = [
  {
    id: 'pem-private-key',
    description: 'PEM private keys (`-----BEGIN … PRIVATE KEY-----` to its END line, or to the end of the text)',
    pattern: /-----BEGIN [A-Z ]{0,40}PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]{0,40}PRIVATE KEY-----|$)/g,
  },
  {
    id: 'stripe-key',
    description: 'Stripe secret and restricted keys `sk_live_…`, `sk_test_…`, `rk_live_…`',
    pattern: /\b[sr]k_(?:live|test)_[A-Za-z0-9]{8,256}/g,
  },
  {
    id: 'openai-anthropic-key',
    description: 'OpenAI and Anthropic keys `sk-…`, `sk-proj-…`, `sk-ant-…`',
    pattern: /\bsk-[A-Za-z0-9_-]{16,256}/g,
  },
  {
    id: 'github-token',
    description: 'GitHub tokens `ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_` and fine-grained `github_pat_…`',
    pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{20,255}|github_pat_[A-Za-z0-9_]{20,255})/g,
  },
  {
    id: 'gitlab-token',
    description: 'GitLab personal access tokens `glpat-…`',
    pattern: /\bglpat-[A-Za-z0-9_-]{16,255}/g,
  },
  {
    id: 'slack-token',
    description: 'Slack tokens `xoxb-`, `xoxp-`, `xoxa-`, `xoxr-`, `xoxs-`',
    pattern: /\bxox[abprs]-[A-Za-z0-9-]{10,255}/g,
  },
  {
    id: 'aws-access-key',
    description: 'AWS access key ids `AKIA…`, `ASIA…`',
    pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g,
  },
  { id: 'google-api-key', description: 'Google API keys `AIza…`', pattern: /\bAIza[0-9A-Za-z_-]{30,64}/g },
  {
    id: 'jwt',
    description: 'JSON Web Tokens `eyJ….eyJ….…`',
    pattern: /\beyJ[A-Za-z0-9_-]{8,4096}\.[A-Za-z0-9_-]{4,8192}\.[A-Za-z0-9_-]{0,4096}/g,
  },
  {
    id: 'authorization-header',
    description: '`Bearer …` and `Basic …` credentials (the scheme is kept)',
    pattern: /\b(?:Bearer|Basic)\s{1,8}(?=[A-Za-z0-9._~+/=-]{0,512}[0-9A-Z=+/])[A-Za-z0-9._~+/=-]{8,512}/g,
    keep: keepUntil(/^(?:Bearer|Basic)\s+/),
  },
  {
    id: 'url-credentials',
    description: 'passwords in URLs `scheme://user:pass@host` (the user and host are kept)',
    pattern: /\b[a-z][a-z0-9+.-]{0,31}:\/\/[^\s:/@]{1,256}:[^\s@/]{1,256}(?=@)/gi,
    keep: keepUntil(/^[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:/i),
  },
];

/**
 * `key=value`, `key: value`, `"key": "value"`: a key and its separator; the value is read by {@link VALUE} and
 * replaced when the key names a secret ({@link isSecretKey}: `password`, `pw`, `api_key`, `DB_PASSWORD`, `token`, …).
 */
const KEY_SEPARATOR = /\b([A-Za-z_][A-Za-z0-9_.-]{0,63})(["']?\s{0,8}[=:]\s{0,8})/g;

/** `password VALUE`, `password is VALUE`, `api key VALUE`, `key K value VALUE`: words that announce a value in prose. */
const PHRASE =
  /\b(password|passwd|passphrase|pwd|pw|token|api[ _-]?key|apikey|secret[ _-]?key|access[ _-]?key|key\s{1,8}[^\s=]{1,253}\s{1,8}(?:and\s{1,8})?value)(\s{1,8}(?:is\s{1,8}|as\s{1,8}|to\s{1,8}|of\s{1,8})?)/gi;

/** The value after a key or a phrase: quoted, or up to a space or a delimiter; never an object or a list. */
const VALUE = /(?![{[=:])(?:"[^"\n]{0,4096}"|'[^'\n]{0,4096}'|[^\s,;&"'}\]]+)/y;

/** Words that follow `password`/`token` in ordinary prose and are no value: "password reset failed", "token expired". */
const PROSE = new Set(
  'a accepted an and are as at authentication be been by cache changed denied expired field file for from has hash in incorrect invalid is issued length limit login manager mismatch missing not of on or policy refreshed rejected request required reset revoked rotated rotation set the to too updated used validated verified was were wrong with without'.split(
    ' ',
  ),
);

/** Runs of 32+ token characters: a candidate for {@link isHighEntropy}. */
const LONG_TOKEN = /(?<![A-Za-z0-9+/_=-])[A-Za-z0-9+/_=-]{32,}/g;

/**
 * Whether a long token looks random (an unknown API key, a base64 secret): it mixes upper case, lower case and
 * digits and carries at least 4 bits of Shannon entropy per character. Hex digests, UUIDs, resource names, image
 * references and paths do not.
 */
export function isHighEntropy(token: string): boolean {
  if (!/[A-Z]/.test(token) || !/[a-z]/.test(token) || !/[0-9]/.test(token)) return false;
  const counts = new Map<string, number>();
  for (const c of token) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) bits -= (n / token.length) * Math.log2(n / token.length);
  return bits >= 4;
}

/**
 * Text with every secret-looking value replaced by `marker` ({@link REDACTED} by default): the shapes of
 * {@link SECRET_SHAPES}, values after secret-named keys (`password=…`, `token: …`, `"api_key": "…"`), values after
 * `password`/`pw`/`token`/`api key` in prose (`with password hunter2`, `the pw is x`), and long random-looking
 * tokens. Ordinary words, names, image references, digests and numbers are kept.
 * @example
 * redactText('password=hunter2 url=postgres://app:s3cret@db/x'); // 'password=[REDACTED] url=postgres://app:[REDACTED]@db/x'
 */
export function redactText(text: string, marker: string = REDACTED): string {
  let out = text;
  for (const shape of SECRET_SHAPES) {
    out = out.replace(shape.pattern, (match) => `${shape.keep ? shape.keep(match) : ''}${marker}`);
  }
  out = replaceValues(out, KEY_SEPARATOR, (key) => isSecretKey(key), marker);
  out = replaceValues(out, PHRASE, (_word, value) => !PROSE.has(value.toLowerCase()), marker);
  return out.replace(LONG_TOKEN, (token) => (isHighEntropy(token) ? marker : token));
}

/**
 * Replaces the {@link VALUE} after each match of `lead` (a global pattern of two groups: the announcing words and
 * the gap before the value) when `secret(words, value)` says so. A match whose value is kept is scanned past its lead
 * only, so `log: token: x` still finds `token: x`. Linear: `lead` and {@link VALUE} are bounded or single-class.
 */
function replaceValues(
  text: string,
  lead: RegExp,
  secret: (words: string, value: string) => boolean,
  marker: string,
): string {
  let out = '';
  let copied = 0;
  lead.lastIndex = 0;
  for (let m = lead.exec(text); m; m = lead.exec(text)) {
    VALUE.lastIndex = lead.lastIndex;
    const value = VALUE.exec(text)?.[0];
    if (value === undefined || value === marker || (marker.startsWith(value) && value.length > 0)) continue;
    const bare = value.replace(/^(["'])([\s\S]*)\1$/, '$2');
    if (!secret(m[1] ?? '', bare)) continue;
    const quote = bare === value ? '' : value[0];
    out += `${text.slice(copied, lead.lastIndex)}${quote}${marker}${quote}`;
    copied = lead.lastIndex + value.length;
    lead.lastIndex = copied;
  }
  return out + text.slice(copied);
}
