import { describe, expect, it } from 'vitest';
import { NewPipelineRun, PipelineRun } from './pipelineRun.js';

const id = '6f1c2a4e-8d3b-4c7a-9e5f-1a2b3c4d5e6f';
const t0 = '2026-01-01T00:00:00.000Z';
const t1 = '2026-01-01T00:03:00.000Z';
const run = { pipeline_id: id };

describe('PipelineRun', () => {
  it('queues a manual run with no stages by default', () => {
    expect(NewPipelineRun.parse(run)).toEqual({ ...run, status: 'QUEUED', trigger: 'manual', stages: [] });
  });

  it('accepts short, full and SHA-256 commit ids only', () => {
    for (const sha of ['a1b2c3d', 'a'.repeat(40), 'b'.repeat(64)]) {
      expect(NewPipelineRun.safeParse({ ...run, commit_sha: sha }).success).toBe(true);
    }
    for (const sha of ['a1b2c3', 'A1B2C3D', 'g'.repeat(40), 'a'.repeat(65)]) {
      expect(NewPipelineRun.safeParse({ ...run, commit_sha: sha }).success).toBe(false);
    }
  });

  it('refuses negative or fractional durations', () => {
    expect(NewPipelineRun.safeParse({ ...run, duration_ms: -1 }).success).toBe(false);
    expect(NewPipelineRun.safeParse({ ...run, duration_ms: 1.5 }).success).toBe(false);
  });

  it('orders start and finish of the run and of each stage', () => {
    const done = { ...run, id, created_at: t0, status: 'SUCCEEDED', started_at: t0, finished_at: t1 };
    expect(PipelineRun.safeParse(done).success).toBe(true);
    expect(PipelineRun.safeParse({ ...done, started_at: t1, finished_at: t0 }).success).toBe(false);
    const stage = { name: 'test', status: 'FAILED', started_at: t1, finished_at: t0 };
    const r = NewPipelineRun.safeParse({ ...run, stages: [stage] });
    expect(r.error?.issues[0]?.message).toBe('a stage must not finish before it starts');
  });

  it('refuses unknown statuses and an empty trigger', () => {
    expect(NewPipelineRun.safeParse({ ...run, status: 'SUCCESS' }).success).toBe(false);
    expect(NewPipelineRun.safeParse({ ...run, stages: [{ name: 'test', status: 'passed' }] }).success).toBe(false);
    expect(NewPipelineRun.safeParse({ ...run, trigger: '' }).success).toBe(false);
  });
});
