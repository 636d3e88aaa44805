import { InputError } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { changedFields, scheduleChangePatch } from './scheduleChange.js';

describe('scheduleChangePatch', () => {
  const now = new Date('2026-03-01T10:00:00.000Z');
  const current = {
    cron: '0 8 * * MON',
    timezone: 'Europe/Berlin',
    enabled: true,
    webhook_url: 'https://hooks.example/r',
    webhook_secret: 'secret-123',
  };

  it('works the next run out again when the timing changes, and only then', () => {
    expect(scheduleChangePatch(current, { cron: '30 9 * * *', timezone: 'Asia/Kolkata' }, now)).toMatchObject({
      cron: '30 9 * * *',
      next_run_at: '2026-03-02T04:00:00.000Z',
      webhook_secret: 'secret-123',
    });
    expect(scheduleChangePatch(current, { name: 'renamed' }, now)).not.toHaveProperty('next_run_at');
    expect(changedFields({ name: 'renamed', format: undefined })).toEqual(['name']);
  });

  it('has no next run while disabled and takes the next fire time from now when enabled again', () => {
    const disabled = scheduleChangePatch(current, { enabled: false }, now);
    expect(disabled).toHaveProperty('next_run_at', undefined);
    const later = new Date('2026-03-20T10:00:00.000Z');
    expect(scheduleChangePatch({ ...current, enabled: false }, { enabled: true }, later).next_run_at).toBe(
      '2026-03-23T07:00:00.000Z',
    );
  });

  it('drops the secret with its webhook, and refuses a secret without one or a bad expression', () => {
    expect(scheduleChangePatch(current, { webhook_url: null }, now)).toMatchObject({
      webhook_url: undefined,
      webhook_secret: undefined,
    });
    expect(scheduleChangePatch(current, { webhook_secret: null }, now).webhook_secret).toBeUndefined();
    expect(() =>
      scheduleChangePatch({ ...current, webhook_url: undefined }, { webhook_secret: 'another-one' }, now),
    ).toThrow(InputError);
    expect(() => scheduleChangePatch(current, { cron: 'often' }, now)).toThrow(/invalid cron/);
    expect(() => scheduleChangePatch(current, { timezone: 'Mars/Base' }, now)).toThrow(/unknown time zone/);
  });
});
