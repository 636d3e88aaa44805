import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../errors/index.js';
import type { GeneratedConfig } from './generatedConfig.js';
import { GeneratedConfigState } from './generatedConfigState.js';
import {
  canTransition,
  GENERATED_CONFIG_TRANSITIONS,
  isTerminal,
  nextStates,
  transitionGeneratedConfig,
} from './generatedConfigTransitions.js';

const config = (state: GeneratedConfig['state']): GeneratedConfig => ({
  id: '6f1c2a4e-8d3b-4c7a-9e5f-1a2b3c4d5e6f',
  file_path: 'k8s/backend.yaml',
  content: 'kind: Deployment',
  generator_tool: 'opspilot',
  resource_type: 'Deployment',
  validation_results: [],
  human_review_required: true,
  review_notes: '',
  state,
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
});

function walk(path: GeneratedConfig['state'][]): GeneratedConfig {
  let c = config(path[0]!);
  for (const next of path.slice(1)) c = transitionGeneratedConfig(c, next, new Date('2026-02-01T00:00:00Z'));
  return c;
}

describe('generated configuration state machine', () => {
  it('follows the three paths of seed 000', () => {
    expect(walk(['GENERATED', 'VALIDATION', 'NEEDS_REVIEW', 'APPROVED', 'APPLIED']).state).toBe('APPLIED');
    expect(walk(['GENERATED', 'VALIDATION', 'INVALID', 'REJECTED']).state).toBe('REJECTED');
    expect(walk(['GENERATED', 'VALIDATION', 'NEEDS_CHANGES', 'REVISED', 'REVIEW_AGAIN', 'APPROVED']).state).toBe(
      'APPROVED',
    );
  });

  it('stamps updated_at and leaves the input untouched', () => {
    const before = config('GENERATED');
    const after = transitionGeneratedConfig(before, 'VALIDATION', new Date('2026-03-01T00:00:00Z'));
    expect(after.updated_at).toBe('2026-03-01T00:00:00.000Z');
    expect(before.state).toBe('GENERATED');
  });

  it.each([
    ['GENERATED', 'APPLIED'],
    ['GENERATED', 'APPROVED'],
    ['VALIDATION', 'APPLIED'],
    ['INVALID', 'APPROVED'],
    ['REJECTED', 'APPROVED'],
    ['NEEDS_CHANGES', 'APPROVED'],
    ['REVISED', 'APPLIED'],
  ] as const)('refuses %s → %s with a hint naming the allowed states', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
    try {
      transitionGeneratedConfig(config(from), to);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConflictError);
      const allowed = nextStates(from);
      for (const s of allowed) expect((e as ConflictError).hint).toContain(s);
    }
  });

  it('treats APPLIED and REJECTED as terminal and nothing else', () => {
    const terminal = GeneratedConfigState.options.filter(isTerminal);
    expect(terminal.sort()).toEqual(['APPLIED', 'REJECTED']);
    for (const to of GeneratedConfigState.options) expect(canTransition('APPLIED', to)).toBe(false);
  });

  it('has an entry for every state and only targets known states', () => {
    for (const state of GeneratedConfigState.options) {
      for (const to of GENERATED_CONFIG_TRANSITIONS[state]) expect(GeneratedConfigState.options).toContain(to);
    }
  });
});
