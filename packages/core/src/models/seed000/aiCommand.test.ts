import { describe, expect, it } from 'vitest';
import { AiCommand, NewAiCommand } from './aiCommand.js';
import { GeneratedConfig } from './generatedConfig.js';
import { Review } from './review.js';

const id = '6f1c2a4e-8d3b-4c7a-9e5f-1a2b3c4d5e6f';

describe('seed 000 entities', () => {
  it('parses an AI command and refuses an empty request or unknown tool', () => {
    const cmd = {
      id,
      command_type: 'OPSPILOT',
      natural_language_input: 'scale backend to 3 replicas',
      generated_output: 'kubectl scale deployment backend --replicas=3',
      validation_status: 'VALID',
      timestamp: '2026-01-01T00:00:00.000Z',
    };
    expect(AiCommand.parse(cmd).applied_to_cluster).toBe(false);
    expect(AiCommand.safeParse({ ...cmd, natural_language_input: '' }).success).toBe(false);
    expect(AiCommand.safeParse({ ...cmd, command_type: 'kubectl-ai' }).success).toBe(false);
    expect(NewAiCommand.safeParse({ ...cmd, id: undefined, timestamp: undefined }).success).toBe(true);
  });

  it('starts a generated configuration in GENERATED with review required', () => {
    const cfg = GeneratedConfig.parse({
      id,
      file_path: 'Dockerfile',
      content: 'FROM node:20-alpine',
      generator_tool: 'opspilot',
      resource_type: 'Dockerfile',
      created_at: '2026-01-01T00:00:00.000Z',
      updated_at: '2026-01-01T00:00:00.000Z',
    });
    expect(cfg).toMatchObject({ state: 'GENERATED', human_review_required: true, validation_results: [] });
  });

  it('requires a known review decision', () => {
    const review = {
      review_id: id,
      generated_config_id: id,
      reviewer_id: 'bob',
      review_timestamp: '2026-01-01T00:00:00.000Z',
      approval_status: 'APPROVED',
    };
    expect(Review.parse(review).applied_to_production).toBe(false);
    expect(Review.safeParse({ ...review, approval_status: 'MAYBE' }).success).toBe(false);
  });
});
