const WORDS: Record<string, number> = {
  zero: 0,
  none: 0,
  one: 1,
  a: 1,
  an: 1,
  single: 1,
  two: 2,
  couple: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
};

/** A count written as digits or a word (`3`, `three`, `zero`), or undefined. */
export function parseCount(word: string | undefined): number | undefined {
  if (word === undefined) return undefined;
  const w = word.trim().toLowerCase();
  if (/^\d+$/.test(w)) return Number.parseInt(w, 10);
  return WORDS[w];
}

/** The regex alternation matching a count (digits or a number word). */
export const COUNT = String.raw`(\d+|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)`;

const UNIT_SECONDS: Record<string, number> = {
  s: 1,
  sec: 1,
  secs: 1,
  second: 1,
  seconds: 1,
  m: 60,
  min: 60,
  mins: 60,
  minute: 60,
  minutes: 60,
  h: 3_600,
  hr: 3_600,
  hrs: 3_600,
  hour: 3_600,
  hours: 3_600,
  d: 86_400,
  day: 86_400,
  days: 86_400,
};

/**
 * A time window in seconds from phrases like `in the last 10 minutes`, `since 1h`, `past hour`, `last 2 days`,
 * `over the last 30m`; undefined when there is none.
 */
export function parseWindow(text: string): number | undefined {
  const m = text.match(
    new RegExp(
      String.raw`\b(?:last|past|since|previous|for)\s+(?:the\s+)?(?:${COUNT}|an?|one)?\s*(s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?)\b`,
      'i',
    ),
  );
  const n = m ? (parseCount(m[1]) ?? 1) : undefined;
  if (m && n !== undefined) return n * (UNIT_SECONDS[(m[2] ?? '').toLowerCase()] ?? 60);
  const compact = text.match(/\b(?:last|past|since|previous|for)\s+(?:the\s+)?(\d+)(s|m|h|d)\b/i);
  if (compact) return Number(compact[1]) * (UNIT_SECONDS[(compact[2] ?? '').toLowerCase()] ?? 60);
  return undefined;
}

/** A Kubernetes quantity as users write it (`500m`, `1.5`, `256Mi`, `2 GB` → `2G`, `20gi` → `20Gi`). */
export function normalizeQuantity(raw: string): string {
  const m = raw.trim().match(/^(\d+(?:\.\d+)?)\s*([a-z]*)$/i);
  if (!m) return raw.trim();
  const unit = (m[2] ?? '').toLowerCase();
  const units: Record<string, string> = {
    '': '',
    m: 'm',
    mi: 'Mi',
    mib: 'Mi',
    mb: 'M',
    gi: 'Gi',
    gib: 'Gi',
    gb: 'G',
    g: 'G',
    ki: 'Ki',
    kb: 'k',
    k: 'k',
    ti: 'Ti',
    tb: 'T',
    cores: '',
    core: '',
    cpu: '',
    cpus: '',
    millicores: 'm',
  };
  return `${m[1]}${units[unit] ?? m[2]}`;
}
