import { describe, expect, it } from 'vitest';
import { NewRunbookExecution, RunbookExecution } from './runbookExecution.js';

const id = '6f1c2a4e-8d3b-4c7a-9e5f-1a2b3c4d5e6f';
const t0 = '2026-01-01T00:00:00.000Z';
const t1 = '2026-01-01T00:01:00.000Z';
const run = { runbook_id: id, triggered_by: 'system' };

describe('RunbookExecution', () => {
  it('starts pending with no step results', () => {
    expect(NewRunbookExecution.parse(run)).toEqual({ ...run, status: 'PENDING', step_results: [], input: {} });
  });

  it('sets finished_at exactly when the run has finished', () => {
    const done = { ...run, id, created_at: t0, status: 'SUCCEEDED', started_at: t0, finished_at: t1 };
    expect(RunbookExecution.safeParse(done).success).toBe(true);
    expect(RunbookExecution.safeParse({ ...done, finished_at: undefined }).success).toBe(false);
    expect(RunbookExecution.safeParse({ ...done, status: 'RUNNING' }).success).toBe(false);
    expect(NewRunbookExecution.safeParse({ ...run, status: 'CANCELLED', finished_at: t0 }).success).toBe(true);
  });

  it('refuses a finish before the start', () => {
    const r = NewRunbookExecution.safeParse({ ...run, status: 'FAILED', started_at: t1, finished_at: t0 });
    expect(r.error?.issues[0]?.message).toBe('finished_at must not be before started_at');
  });

  it('types step results', () => {
    const ok = { ...run, step_results: [{ step_id: 'rollback', status: 'SKIPPED' }] };
    expect(NewRunbookExecution.parse(ok).step_results[0]?.output).toBe('');
    expect(NewRunbookExecution.safeParse({ ...run, step_results: [{ step_id: 'x', status: 'ok' }] }).success).toBe(
      false,
    );
  });
});
