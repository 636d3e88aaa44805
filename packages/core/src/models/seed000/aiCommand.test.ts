import { describe, expect, it } from 'vitest';
import { AiCommand, NewAiCommand } from './aiCommand.js';

const id = '6f1c2a4e-8d3b-4c7a-9e5f-1a2b3c4d5e6f';
const cmd = {
  id,
  command_type: 'OPSPILOT',
  natural_language_input: 'scale backend to 3 replicas',
  generated_output: 'kubectl scale deployment backend --replicas=3',
  validation_status: 'VALID',
  timestamp: '2026-01-01T00:00:00.000Z',
};

describe('AiCommand', () => {
  it('accepts a command and records it as not applied by default', () => {
    expect(AiCommand.parse(cmd).applied_to_cluster).toBe(false);
    expect(AiCommand.safeParse({ ...cmd, user_id: 'alice', cluster_id: id }).success).toBe(true);
  });

  it('refuses an empty request, an unknown or lowercase tool and a lowercase status', () => {
    expect(AiCommand.safeParse({ ...cmd, natural_language_input: '' }).success).toBe(false);
    expect(AiCommand.safeParse({ ...cmd, command_type: 'kubectl-ai' }).success).toBe(false);
    expect(AiCommand.safeParse({ ...cmd, command_type: 'CHATGPT' }).success).toBe(false);
    expect(AiCommand.safeParse({ ...cmd, validation_status: 'needs_review' }).success).toBe(false);
    expect(AiCommand.safeParse({ ...cmd, validation_status: 'NEEDS_REVIEW' }).success).toBe(true);
  });

  it('refuses a cluster id that is not a UUID and a timestamp without a zone', () => {
    expect(AiCommand.safeParse({ ...cmd, cluster_id: 'prod' }).success).toBe(false);
    expect(AiCommand.safeParse({ ...cmd, timestamp: '2026-01-01T00:00:00' }).success).toBe(false);
  });

  it('lets a caller create a command without id and timestamp', () => {
    const { id: _id, timestamp: _t, ...fields } = cmd;
    expect(NewAiCommand.safeParse(fields).success).toBe(true);
    expect(NewAiCommand.safeParse({ ...fields, command_type: undefined }).success).toBe(false);
  });
});
