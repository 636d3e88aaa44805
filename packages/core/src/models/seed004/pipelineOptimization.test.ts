import { describe, expect, it } from 'vitest';
import { NewPipelineOptimization, PipelineOptimization } from './pipelineOptimization.js';

const id = '6f1c2a4e-8d3b-4c7a-9e5f-1a2b3c4d5e6f';
const at = '2026-01-01T00:00:00.000Z';
const suggestion = { pipeline_id: id, category: 'CACHING', description: 'Cache node_modules between runs' };

describe('PipelineOptimization', () => {
  it('opens with no proposed change by default', () => {
    expect(NewPipelineOptimization.parse(suggestion)).toEqual({ ...suggestion, proposed_change: {}, status: 'OPEN' });
  });

  it('bounds the time saved to whole, non-negative milliseconds', () => {
    expect(NewPipelineOptimization.safeParse({ ...suggestion, estimated_time_saved_ms: 30_000 }).success).toBe(true);
    expect(NewPipelineOptimization.safeParse({ ...suggestion, estimated_time_saved_ms: -1 }).success).toBe(false);
    expect(NewPipelineOptimization.safeParse({ ...suggestion, estimated_time_saved_ms: 1.5 }).success).toBe(false);
  });

  it('refuses unknown categories and statuses, and an empty description', () => {
    expect(NewPipelineOptimization.safeParse({ ...suggestion, category: 'SPEED' }).success).toBe(false);
    expect(NewPipelineOptimization.safeParse({ ...suggestion, status: 'open' }).success).toBe(false);
    expect(NewPipelineOptimization.safeParse({ ...suggestion, description: '' }).success).toBe(false);
  });

  it('needs created_at once stored', () => {
    expect(PipelineOptimization.safeParse({ ...suggestion, id }).success).toBe(false);
    expect(PipelineOptimization.safeParse({ ...suggestion, id, created_at: at }).success).toBe(true);
  });
});
