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

type State = GeneratedConfigState;

const config = (state: State): GeneratedConfig => ({
  id: '6f1c2a4e-8d3b-4c7a-9e5f-1a2b3c4d5e6f',
  file_path: 'k8s/backend.yaml',
  content: 'kind: Deployment',
  generator_tool: 'opspilot',
  resource_type: 'Deployment',
  validation_results: [],
  human_review_required: true,
  revision: 1,
  review_notes: '',
  state,
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
});

const later = new Date('2026-02-01T00:00:00Z');

/** Every legal move, written out independently of the table under test (seed 000 plus the review outcomes). */
const LEGAL: ReadonlyArray<readonly [State, State]> = [
  ['GENERATED', 'VALIDATION'],
  ['VALIDATION', 'NEEDS_REVIEW'],
  ['VALIDATION', 'INVALID'],
  ['VALIDATION', 'NEEDS_CHANGES'],
  ['NEEDS_REVIEW', 'APPROVED'],
  ['NEEDS_REVIEW', 'REJECTED'],
  ['NEEDS_REVIEW', 'NEEDS_CHANGES'],
  ['APPROVED', 'APPLIED'],
  ['INVALID', 'REJECTED'],
  ['NEEDS_CHANGES', 'REVISED'],
  ['REVISED', 'REVIEW_AGAIN'],
  ['REVIEW_AGAIN', 'APPROVED'],
  ['REVIEW_AGAIN', 'REJECTED'],
  ['REVIEW_AGAIN', 'NEEDS_CHANGES'],
];
const isLegal = (from: State, to: State) => LEGAL.some(([f, t]) => f === from && t === to);
const ALL_PAIRS = GeneratedConfigState.options.flatMap((from) =>
  GeneratedConfigState.options.map((to) => [from, to] as const),
);

function walk(path: State[]): GeneratedConfig {
  let c = config(path[0]!);
  for (const next of path.slice(1)) c = transitionGeneratedConfig(c, next, later);
  return c;
}

function conflictOf(from: State, to: State): ConflictError {
  try {
    transitionGeneratedConfig(config(from), to);
  } catch (e) {
    if (e instanceof ConflictError) return e;
    throw e;
  }
  throw new Error(`${from} → ${to} was allowed`);
}

describe('generated configuration state machine', () => {
  it.each(LEGAL)('allows %s → %s, stamping updated_at and leaving the input untouched', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(nextStates(from)).toContain(to);
    const before = config(from);
    const after = transitionGeneratedConfig(before, to, later);
    expect(after).toEqual({ ...before, state: to, updated_at: '2026-02-01T00:00:00.000Z' });
    expect(before.state).toBe(from);
  });

  it('refuses every move that is not listed as legal', () => {
    const refused = ALL_PAIRS.filter(([from, to]) => !isLegal(from, to));
    expect(refused).toHaveLength(100 - LEGAL.length);
    for (const [from, to] of refused) expect(canTransition(from, to), `${from} → ${to}`).toBe(false);
  });

  it('follows the three paths of seed 000 and a second review round', () => {
    expect(walk(['GENERATED', 'VALIDATION', 'NEEDS_REVIEW', 'APPROVED', 'APPLIED']).state).toBe('APPLIED');
    expect(walk(['GENERATED', 'VALIDATION', 'INVALID', 'REJECTED']).state).toBe('REJECTED');
    expect(walk(['GENERATED', 'VALIDATION', 'NEEDS_CHANGES', 'REVISED', 'REVIEW_AGAIN']).state).toBe('REVIEW_AGAIN');
    const twice = ['NEEDS_CHANGES', 'REVISED', 'REVIEW_AGAIN'] as const;
    expect(walk(['VALIDATION', ...twice, ...twice, 'APPROVED', 'APPLIED']).state).toBe('APPLIED');
  });

  it.each([
    ['GENERATED', 'APPLIED'],
    ['GENERATED', 'APPROVED'],
    ['VALIDATION', 'APPLIED'],
    ['NEEDS_REVIEW', 'APPLIED'],
    ['INVALID', 'APPROVED'],
    ['NEEDS_CHANGES', 'APPROVED'],
    ['REVISED', 'VALIDATION'],
    ['REVISED', 'APPLIED'],
    ['REVIEW_AGAIN', 'APPLIED'],
    ['APPROVED', 'APPROVED'],
  ] as const)('refuses %s → %s with a ConflictError whose hint names the allowed states', (from, to) => {
    const error = conflictOf(from, to);
    expect(error.message).toContain(`from ${from} to ${to}`);
    expect(error.details).toEqual({ from, to, allowed: [...nextStates(from)] });
    for (const s of nextStates(from)) expect(error.hint).toContain(s);
  });

  it.each(['APPLIED', 'REJECTED'] as const)('lets nothing leave %s and says it is final', (from) => {
    for (const to of GeneratedConfigState.options) expect(canTransition(from, to)).toBe(false);
    expect(conflictOf(from, 'APPROVED').hint).toBe(`${from} is final; generate a new configuration instead`);
  });

  it('treats APPLIED and REJECTED as terminal and nothing else', () => {
    expect(GeneratedConfigState.options.filter(isTerminal).sort()).toEqual(['APPLIED', 'REJECTED']);
  });

  it('is frozen, so no caller can widen the workflow at run time', () => {
    expect(Object.isFrozen(GENERATED_CONFIG_TRANSITIONS)).toBe(true);
    expect(() => (GENERATED_CONFIG_TRANSITIONS.APPLIED as State[]).push('APPROVED')).toThrow(TypeError);
    expect(canTransition('APPLIED', 'APPROVED')).toBe(false);
  });
});
