/** A cron schedule read from words such as "every 5 minutes" or "daily at 03:30". */
export interface ParsedSchedule {
  cron: string;
  /** How many tokens the schedule used. */
  used: number;
}

const CRON_FIELD = /^(\*|\?|[0-9A-Za-z]+([-/,][0-9A-Za-z*]+)*|\*\/\d+)$/;
const UNIT: Record<string, 'minute' | 'hour' | 'day' | 'week' | 'month'> = {
  m: 'minute',
  min: 'minute',
  mins: 'minute',
  minute: 'minute',
  minutes: 'minute',
  h: 'hour',
  hr: 'hour',
  hrs: 'hour',
  hour: 'hour',
  hours: 'hour',
  d: 'day',
  day: 'day',
  days: 'day',
  week: 'week',
  weeks: 'week',
  month: 'month',
  months: 'month',
};
const ADVERB: Record<string, 'hour' | 'day' | 'week' | 'month'> = {
  hourly: 'hour',
  daily: 'day',
  nightly: 'day',
  weekly: 'week',
  monthly: 'month',
};

/** True when `text` is a five-field cron expression such as `*\/5 * * * *`. */
export function isCronExpression(text: string): boolean {
  const fields = text.trim().split(/\s+/);
  return fields.length === 5 && fields.every((f) => CRON_FIELD.test(f));
}

function atTime(words: string[], start: number): { hour: number; minute: number; used: number } | undefined {
  if (words[start] !== 'at') return undefined;
  const m = /^(\d{1,2})(?::(\d{2}))?(am|pm)?$/.exec(words[start + 1] ?? '');
  if (!m) return undefined;
  let hour = Number(m[1]);
  const minute = Number(m[2] ?? 0);
  if (m[3] === 'pm' && hour < 12) hour += 12;
  if (m[3] === 'am' && hour === 12) hour = 0;
  if (hour > 23 || minute > 59) return undefined;
  return { hour, minute, used: 2 };
}

function cronFor(unit: string, every: number, at?: { hour: number; minute: number }): string | undefined {
  const h = at?.hour ?? 0;
  const min = at?.minute ?? 0;
  switch (unit) {
    case 'minute':
      return every === 1 ? '* * * * *' : every < 60 ? `*/${every} * * * *` : undefined;
    case 'hour':
      return every === 1 ? `${min} * * * *` : every < 24 ? `${min} */${every} * * *` : undefined;
    case 'day':
      return every === 1 ? `${min} ${h} * * *` : every <= 31 ? `${min} ${h} */${every} * *` : undefined;
    case 'week':
      return every === 1 ? `${min} ${h} * * 0` : undefined;
    case 'month':
      return every === 1 ? `${min} ${h} 1 * *` : every <= 12 ? `${min} ${h} 1 */${every} *` : undefined;
    default:
      return undefined;
  }
}

/**
 * Reads a schedule at `words[start]`: "every 5 minutes", "every hour", "every 2 days at 03:00", "hourly",
 * "daily at 2am", "nightly"; returns undefined when the words there are no schedule (or an impossible one).
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#schedule-syntax
 */
export function parseSchedule(words: readonly string[], start: number): ParsedSchedule | undefined {
  const w = words.map((x) => x.toLowerCase());
  const adverb = ADVERB[w[start] ?? ''];
  if (adverb) {
    const at = atTime(w, start + 1);
    const cron = cronFor(adverb, 1, at);
    return cron ? { cron, used: 1 + (at?.used ?? 0) } : undefined;
  }
  if (w[start] !== 'every') return undefined;
  let i = start + 1;
  let every = 1;
  if (/^\d+$/.test(w[i] ?? '')) {
    every = Number(w[i]);
    i += 1;
  }
  const unit = UNIT[w[i] ?? ''];
  if (!unit || every < 1) return undefined;
  i += 1;
  const at = atTime(w, i);
  const cron = cronFor(unit, every, at);
  return cron ? { cron, used: i - start + (at?.used ?? 0) } : undefined;
}
