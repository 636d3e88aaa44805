import { describe, expect, it } from 'vitest';
import { NewResourceUtilization, ResourceUtilization } from './resourceUtilization.js';

const id = '6f1c2a4e-8d3b-4c7a-9e5f-1a2b3c4d5e6f';
const t0 = '2026-01-01T00:00:00.000Z';
const t1 = '2026-01-08T00:00:00.000Z';
const usage = {
  resource: { kind: 'Deployment', namespace: 'todo', name: 'backend' },
  cpu_requested_cores: 1,
  cpu_used_cores: 0.12,
  memory_requested_bytes: 536_870_912,
  memory_used_bytes: 100_000_000,
  window_start: t0,
  window_end: t1,
};

describe('ResourceUtilization', () => {
  it('accepts a week of usage, and usage above requests', () => {
    expect(NewResourceUtilization.safeParse(usage).success).toBe(true);
    expect(NewResourceUtilization.safeParse({ ...usage, cpu_requested_cores: 0 }).success).toBe(true);
    expect(ResourceUtilization.safeParse({ ...usage, id, created_at: t1 }).success).toBe(true);
  });

  it('refuses an empty or reversed window', () => {
    expect(NewResourceUtilization.safeParse({ ...usage, window_end: t0 }).success).toBe(false);
    const r = NewResourceUtilization.safeParse({ ...usage, window_start: t1, window_end: t0 });
    expect(r.error?.issues[0]).toMatchObject({
      path: ['window_end'],
      message: 'window_end must be after window_start',
    });
  });

  it('refuses negative figures and fractional bytes', () => {
    expect(NewResourceUtilization.safeParse({ ...usage, cpu_used_cores: -0.1 }).success).toBe(false);
    expect(NewResourceUtilization.safeParse({ ...usage, memory_used_bytes: 1.5 }).success).toBe(false);
    expect(NewResourceUtilization.safeParse({ ...usage, memory_requested_bytes: -1 }).success).toBe(false);
  });

  it('needs a typed resource', () => {
    expect(NewResourceUtilization.safeParse({ ...usage, resource: 'todo/backend' }).success).toBe(false);
  });
});
