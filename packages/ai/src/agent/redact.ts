/** What replaces a secret value. */
export const REDACTED = '[REDACTED]';

const SECRET_KEY =
  /(pass(word|wd|phrase)?|secret|token|api[_-]?key|apikey|private[_-]?key|credential|auth|cookie|session[_-]?id|access[_-]?key|client[_-]?secret|dsn|connection[_-]?string)/i;

const SECRET_VALUES: RegExp[] = [
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g,
  /\bsk-(?:ant-|proj-)?[A-Za-z0-9_-]{16,}/g,
  /\bAKIA[0-9A-Z]{16}\b/g,
  /\bgh[pousr]_[A-Za-z0-9]{30,}\b/g,
  /\bxox[abprs]-[A-Za-z0-9-]{10,}/g,
  /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g,
  /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi,
  /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:[^\s@/]+@/gi,
];

/** Text with secret-looking values (keys, tokens, private keys, `password=…`, URL credentials) replaced. */
export function redactText(text: string): string {
  let out = text;
  for (const pattern of SECRET_VALUES) {
    out = out.replace(pattern, (match) => {
      const url = match.match(/^([a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:)[^\s@/]+@$/i);
      if (url) return `${url[1]}${REDACTED}@`;
      const scheme = match.match(/^(Bearer|Basic)\s+/i);
      return scheme ? `${scheme[0]}${REDACTED}` : REDACTED;
    });
  }
  return out.replace(
    /\b([A-Za-z0-9_.-]*(?:pass(?:word|wd)?|secret|token|api[_-]?key|apikey|credential)[A-Za-z0-9_.-]*)(\s*[=:]\s*)("[^"]*"|'[^']*'|[^\s,;&"']+)/gi,
    (_m, key: string, sep: string) => `${key}${sep}${REDACTED}`,
  );
}

/**
 * A deep copy with secrets removed, for anything sent to a model: the `data` and `stringData` of Secrets, values
 * under secret-sounding keys, `{ name: DB_PASSWORD, value }` env entries, the last-applied annotation of Secrets, and
 * secret-looking substrings of every string.
 */
export function redact<T>(value: T): T {
  return walk(value, undefined) as T;
}

function walk(value: unknown, key: string | undefined): unknown {
  if (typeof value === 'string') return key && SECRET_KEY.test(key) ? REDACTED : redactText(value);
  if (Array.isArray(value)) return value.map((v) => walk(v, undefined));
  if (typeof value !== 'object' || value === null) return value;
  const object = value as Record<string, unknown>;
  const isSecret = object.kind === 'Secret';
  const envName = typeof object.name === 'string' && SECRET_KEY.test(object.name);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(object)) {
    if (isSecret && (k === 'data' || k === 'stringData') && v && typeof v === 'object') {
      out[k] = Object.fromEntries(Object.keys(v).map((name) => [name, REDACTED]));
    } else if (envName && k === 'value') {
      out[k] = REDACTED;
    } else if (
      k === 'kubectl.kubernetes.io/last-applied-configuration' &&
      typeof v === 'string' &&
      /"kind":\s*"Secret"/.test(v)
    ) {
      out[k] = REDACTED;
    } else if (k === 'managedFields') {
    } else {
      out[k] = walk(v, k);
    }
  }
  return out;
}
