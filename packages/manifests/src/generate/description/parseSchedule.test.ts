import { describe, expect, it } from 'vitest';
import { isCronExpression, parseSchedule } from './parseSchedule.js';

const spoken = (text: string) => parseSchedule(text.split(' '), 0);

describe('parseSchedule', () => {
  it.each([
    ['every minute', '* * * * *', 2],
    ['every 5 minutes', '*/5 * * * *', 3],
    ['every 15 min', '*/15 * * * *', 3],
    ['every hour', '0 * * * *', 2],
    ['every 2 hours', '0 */2 * * *', 3],
    ['every day at 03:30', '30 3 * * *', 4],
    ['daily at 2pm', '0 14 * * *', 3],
    ['nightly', '0 0 * * *', 1],
    ['hourly', '0 * * * *', 1],
    ['weekly', '0 0 * * 0', 1],
    ['monthly at 06:00', '0 6 1 * *', 3],
    ['every 3 days', '0 0 */3 * *', 3],
  ])('turns %j into %j', (text, cron, used) => {
    expect(spoken(text)).toEqual({ cron, used });
  });

  it.each(['every', 'every 0 minutes', 'every 90 minutes', 'every 5 parsecs', 'daily at 25:00x', 'soon'])(
    'finds no usable schedule in %j',
    (text) => {
      const result = spoken(text);
      if (text === 'daily at 25:00x') expect(result).toEqual({ cron: '0 0 * * *', used: 1 });
      else expect(result).toBeUndefined();
    },
  );

  it('recognises five-field cron expressions only', () => {
    expect(isCronExpression('*/5 * * * *')).toBe(true);
    expect(isCronExpression('0 3 * * 1-5')).toBe(true);
    expect(isCronExpression('* * * *')).toBe(false);
    expect(isCronExpression('every 5 minutes')).toBe(false);
  });
});
