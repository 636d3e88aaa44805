import { z } from 'zod';
import { Timestamp, Uuid } from '../common.js';
import { type ModelRule, withRules } from './withRules.js';

/** Outcome of one run of a test. */
export const TestOutcome = z.enum(['PASS', 'FAIL', 'SKIP']);
export type TestOutcome = z.infer<typeof TestOutcome>;

/** How many recent outcomes a {@link TestIntelligence} keeps. */
export const MAX_RECENT_OUTCOMES = 50;

const Ratio = z.number().min(0).max(1);

const testFields = {
  pipeline_id: Uuid.optional(),
  /** Stable test name, e.g. `api/src/user.test.ts > creates a user`. */
  test_id: z.string().min(1),
  file_path: z.string().min(1).optional(),
  /** Share of runs that flipped outcome on the same commit, 0 to 1. */
  flakiness: Ratio.default(0),
  /** Share of runs that failed, 0 to 1. */
  failure_rate: Ratio.default(0),
  avg_duration_ms: z.number().int().min(0).default(0),
  /** How many runs the figures are computed from. */
  runs: z.number().int().min(0).default(0),
  /** Most recent outcome last. */
  last_results: z.array(TestOutcome).max(MAX_RECENT_OUTCOMES).default([]),
  /** Source paths the test exercises, so a change can select the tests it affects. */
  covered_paths: z.array(z.string().min(1)).default([]),
};

interface TestShape {
  flakiness: number;
  failure_rate: number;
  runs: number;
  last_results: unknown[];
}

const testRules: ModelRule<TestShape>[] = [
  {
    check: (t) => t.runs > 0 || (t.flakiness === 0 && t.failure_rate === 0),
    message: 'a test that never ran has no flakiness or failure rate',
    path: ['runs'],
  },
  {
    check: (t) => t.last_results.length <= t.runs,
    message: 'last_results must not hold more outcomes than runs',
    path: ['last_results'],
  },
];

/**
 * The history of one test (seed 004 `test_intelligence`): what intelligent test selection ranks on and what
 * flags flaky tests for the pipeline analyser. One row per test, rewritten after each run, so only `updated_at`.
 */
export const TestIntelligence = withRules(z.object({ id: Uuid, ...testFields, updated_at: Timestamp }), testRules);
export type TestIntelligence = z.infer<typeof TestIntelligence>;

/** What a caller supplies to record a {@link TestIntelligence}. */
export const NewTestIntelligence = withRules(z.object(testFields), testRules);
export type NewTestIntelligence = z.input<typeof NewTestIntelligence>;
