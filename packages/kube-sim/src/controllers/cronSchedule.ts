import { err, ok, type Result } from '@opspilot/core';
import { CronExpressionParser } from 'cron-parser';

const DESCRIPTORS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};
const FIELDS: { min: number; max: number; names?: string[] }[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] },
  { min: 0, max: 6, names: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] },
];
const GO_DURATION = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;

/** A parsed CronJob schedule: the times it fires. */
export interface CronSchedule {
  /** The first time strictly after `after`. */
  next(after: Date): Date;
}

function value(text: string, field: (typeof FIELDS)[number], whole: string): Result<number, string> {
  const named = field.names?.indexOf(text.toLowerCase()) ?? -1;
  if (named >= 0) return ok(named + field.min);
  if (!/^\d+$/.test(text))
    return err(`failed to parse int from ${text}: strconv.Atoi: parsing "${text}": invalid syntax`);
  const n = Number(text);
  if (n < field.min) return err(`beginning of range (${n}) below minimum (${field.min}): ${whole}`);
  if (n > field.max) return err(`end of range (${n}) above maximum (${field.max}): ${whole}`);
  return ok(n);
}

/** Checks one field the way the standard cron parser does, with its messages. */
function fieldError(text: string, field: (typeof FIELDS)[number]): string | undefined {
  for (const part of text.split(',')) {
    const [range = '', step, extra] = part.split('/');
    if (extra !== undefined) return `too many slashes: ${part}`;
    if (step !== undefined && !/^\d+$/.test(step))
      return `failed to parse int from ${step}: strconv.Atoi: parsing "${step}": invalid syntax`;
    if (range === '*' || range === '?') continue;
    const bounds = range.split('-');
    if (bounds.length > 2) return `too many hyphens: ${range}`;
    const values = bounds.map((b) => value(b, field, part));
    for (const v of values) if (!v.ok) return v.error;
    const [lo, hi] = values.map((v) => (v.ok ? v.value : 0));
    if (hi !== undefined && lo! > hi) return `beginning of range (${lo}) beyond end of range (${hi}): ${part}`;
  }
  return undefined;
}

/**
 * Parses a CronJob schedule as Kubernetes does (the standard 5-field cron format, `@hourly`-style descriptors and
 * `@every <duration>`) in a time zone (default UTC). An invalid schedule gives the parser's message, e.g.
 * `expected exactly 5 fields, found 1: [bad]`.
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#schedule-syntax
 */
export function parseSchedule(schedule: string, timeZone = 'UTC'): Result<CronSchedule, string> {
  const text = schedule.trim();
  if (!text) return err('empty spec string');
  if (text.startsWith('@every ')) {
    const m = text.slice(7).trim().match(GO_DURATION);
    const ms = m ? (Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0)) * 1000 : 0;
    if (!m || ms <= 0) return err(`failed to parse duration ${text}: time: invalid duration "${text.slice(7).trim()}"`);
    return ok({ next: (after) => new Date(Math.floor(after.getTime() / 1000) * 1000 + ms) });
  }
  if (text.startsWith('@') && !DESCRIPTORS[text]) return err(`unrecognized descriptor: ${text}`);
  const expression = DESCRIPTORS[text] ?? text;
  const fields = expression.split(/\s+/);
  if (fields.length !== 5) return err(`expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`);
  for (const [i, f] of fields.entries()) {
    const problem = fieldError(f, FIELDS[i]!);
    if (problem) return err(problem);
  }
  try {
    CronExpressionParser.parse(expression, { tz: timeZone }).next();
  } catch (cause) {
    return err((cause as Error).message);
  }
  return ok({
    next: (after) => CronExpressionParser.parse(expression, { currentDate: after, tz: timeZone }).next().toDate(),
  });
}

/** Whether `name` is a time zone this runtime knows (the API server checks against the tz database). */
export function knownTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * The 422 causes of a CronJob spec's schedule and time zone, as the API server's validation words them.
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/
 */
export function cronJobCauses(spec: Record<string, unknown>): { reason: string; message: string; field: string }[] {
  const causes: { reason: string; message: string; field: string }[] = [];
  const schedule = spec.schedule;
  if (typeof schedule !== 'string' || schedule.trim() === '')
    return [{ reason: 'FieldValueRequired', message: 'Required value', field: 'spec.schedule' }];
  if (/(^|\s)(CRON_)?TZ=/.test(schedule)) {
    causes.push({
      reason: 'FieldValueInvalid',
      message: `Invalid value: ${JSON.stringify(schedule)}: cannot use TZ or CRON_TZ in schedule, use timeZone field instead`,
      field: 'spec.schedule',
    });
    return causes;
  }
  const timeZone = spec.timeZone;
  if (typeof timeZone === 'string' && !knownTimeZone(timeZone)) {
    causes.push({
      reason: 'FieldValueInvalid',
      message: `Invalid value: ${JSON.stringify(timeZone)}: unknown time zone ${timeZone}`,
      field: 'spec.timeZone',
    });
  }
  const parsed = parseSchedule(schedule, 'UTC');
  if (!parsed.ok)
    causes.push({
      reason: 'FieldValueInvalid',
      message: `Invalid value: ${JSON.stringify(schedule)}: ${parsed.error}`,
      field: 'spec.schedule',
    });
  return causes;
}
