/** Cron schedules said in words: `every 5 minutes`, `hourly`, `daily at 3:00`, `every day at 02:30`. */
export function spokenSchedule(text: string): string | undefined {
  const cron = text.match(/["'`]((?:[\d*/,-]+\s+){4}[\d*/,-]+)["'`]/)?.[1];
  if (cron) return cron;
  let m = text.match(/\bevery\s+(\d+)\s+min(?:ute)?s?\b/i);
  if (m) return `*/${m[1]} * * * *`;
  m = text.match(/\bevery\s+(\d+)\s+hours?\b/i);
  if (m) return `0 */${m[1]} * * *`;
  if (/\bevery\s+minute\b/i.test(text)) return '* * * * *';
  if (/\b(hourly|every\s+hour)\b/i.test(text)) return '0 * * * *';
  m = text.match(
    /\b(?:daily|every\s+day|each\s+day|nightly|every\s+night)(?:\s+at\s+(\d{1,2})(?::(\d{2}))?\s*(am|pm)?)?/i,
  );
  if (m) {
    let hour = m[1] ? Number(m[1]) : 0;
    if (m[3]?.toLowerCase() === 'pm' && hour < 12) hour += 12;
    return `${Number(m[2] ?? 0)} ${hour} * * *`;
  }
  if (/\b(weekly|every\s+week)\b/i.test(text)) return '0 0 * * 0';
  return undefined;
}
