import { describe, expect, it } from 'vitest';
import { NewPipeline, Pipeline } from './pipeline.js';

const id = '6f1c2a4e-8d3b-4c7a-9e5f-1a2b3c4d5e6f';
const at = '2026-01-01T00:00:00.000Z';
const pipeline = { name: 'backend', config: { jobs: { test: { steps: [] } } } };

describe('Pipeline', () => {
  it('is active by default', () => {
    expect(NewPipeline.parse(pipeline)).toEqual({ ...pipeline, status: 'ACTIVE' });
  });

  it('needs a config object', () => {
    expect(NewPipeline.safeParse({ name: 'backend' }).success).toBe(false);
    expect(NewPipeline.safeParse({ ...pipeline, config: 'on: push' }).success).toBe(false);
  });

  it('keeps to the seed column widths', () => {
    expect(NewPipeline.safeParse({ ...pipeline, name: 'x'.repeat(256) }).success).toBe(false);
    expect(NewPipeline.safeParse({ ...pipeline, repository: 'x'.repeat(256) }).success).toBe(false);
    expect(NewPipeline.safeParse({ ...pipeline, branch: 'x'.repeat(101) }).success).toBe(false);
    expect(NewPipeline.safeParse({ ...pipeline, branch: 'x'.repeat(100) }).success).toBe(true);
  });

  it('refuses the lowercase status of the seed SQL', () => {
    expect(NewPipeline.safeParse({ ...pipeline, status: 'paused' }).success).toBe(false);
    const stored = { ...pipeline, id, status: 'PAUSED', created_at: at, updated_at: at };
    expect(Pipeline.safeParse(stored).success).toBe(true);
  });
});
