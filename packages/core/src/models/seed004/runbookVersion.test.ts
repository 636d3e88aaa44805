import { describe, expect, it } from 'vitest';
import { NewRunbookVersion } from './runbookVersion.js';

describe('RunbookVersion', () => {
  const version = { runbook_id: crypto.randomUUID(), version: 1, source: 'kind: Runbook', created_by: 'alice' };

  it('keeps the YAML a runbook was saved from, numbered from 1', () => {
    expect(NewRunbookVersion.parse(version)).toEqual(version);
    expect(NewRunbookVersion.safeParse({ ...version, version: 0 }).success).toBe(false);
    expect(NewRunbookVersion.safeParse({ ...version, source: '' }).success).toBe(false);
  });
});
