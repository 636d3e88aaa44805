const MACROS = new Set(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']);
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

const FIELDS: { name: string; min: number; max: number; names?: string[] }[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTHS },
  { name: 'day of week', min: 0, max: 7, names: DAYS },
];

function value(text: string, field: (typeof FIELDS)[number]): number | undefined {
  const named = field.names?.indexOf(text.toLowerCase());
  if (named !== undefined && named >= 0) return named + (field.name === 'month' ? 1 : 0);
  if (!/^\d+$/.test(text)) return undefined;
  const n = Number(text);
  return n >= field.min && n <= field.max ? n : undefined;
}

function checkPart(part: string, field: (typeof FIELDS)[number]): string | undefined {
  const [range, step, extra] = part.split('/');
  if (extra !== undefined || range === undefined || range === '') return `"${part}" is not a valid ${field.name}`;
  if (step !== undefined && (!/^\d+$/.test(step) || Number(step) === 0))
    return `step "${step}" of the ${field.name} is not a positive number`;
  if (range === '*' || range === '?') return undefined;
  const [from, to, more] = range.split('-');
  if (more !== undefined) return `"${range}" is not a valid ${field.name} range`;
  const a = value(from ?? '', field);
  if (a === undefined) return `${field.name} "${from}" is out of range ${field.min}-${field.max}`;
  if (to !== undefined) {
    const b = value(to, field);
    if (b === undefined) return `${field.name} "${to}" is out of range ${field.min}-${field.max}`;
    if (b < a) return `${field.name} range "${range}" ends before it starts`;
  }
  return undefined;
}

/**
 * Why a CronJob schedule is invalid, or undefined when it is valid: five fields (minute hour day-of-month month
 * day-of-week) of numbers, names, ranges, lists and steps, an optional `CRON_TZ=`/`TZ=` prefix, or a macro.
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#schedule-syntax
 */
export function cronScheduleProblem(schedule: string): string | undefined {
  const text = schedule.trim().replace(/^(CRON_TZ|TZ)=\S+\s+/, '');
  if (text.startsWith('@'))
    return MACROS.has(text) || /^@every \d+[smh]/.test(text) ? undefined : `unknown macro ${text}`;
  const parts = text.split(/\s+/);
  if (parts.length !== 5)
    return `expected 5 fields (minute hour day-of-month month day-of-week), found ${parts.length}`;
  for (const [i, field] of FIELDS.entries()) {
    for (const part of (parts[i] ?? '').split(',')) {
      const problem = checkPart(part, field);
      if (problem) return problem;
    }
  }
  return undefined;
}
