import { ConflictError, UpstreamError } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { maskDatabaseUrl, toStoreError } from './storeErrors.js';

describe('maskDatabaseUrl', () => {
  it.each([
    ['postgres://ops:pw@db:5432/opspilot', 'postgres://ops:***@db:5432/opspilot'],
    ['postgresql://ops:p@ss@db/opspilot', 'postgresql://ops:***@db/opspilot'],
    ['postgres://db/opspilot?user=ops&password=pw&ssl=true', 'postgres://db/opspilot?user=ops&password=***&ssl=true'],
    ['postgres://postgres@127.0.0.1:5432/test', 'postgres://postgres@127.0.0.1:5432/test'],
  ])('masks %s', (url, masked) => {
    expect(maskDatabaseUrl(url)).toBe(masked);
  });
});

describe('toStoreError', () => {
  it('maps unique and foreign-key violations of both dialects to ConflictError, the rest to UpstreamError', () => {
    for (const code of [
      '23505',
      'SQLITE_CONSTRAINT_UNIQUE',
      'SQLITE_CONSTRAINT_PRIMARYKEY',
      '23503',
      'SQLITE_CONSTRAINT_FOREIGNKEY',
    ]) {
      const error = toStoreError(Object.assign(new Error('constraint'), { code }), 'sqlite', 'runbook r');
      expect(error).toBeInstanceOf(ConflictError);
      expect((error as ConflictError).hint).toBeTruthy();
    }
    const other = toStoreError(new Error('disk I/O error'), 'postgres', 'runbook r');
    expect(other).toBeInstanceOf(UpstreamError);
    expect(other).toMatchObject({ source: 'postgres', message: expect.stringContaining('disk I/O error') });
  });
});
