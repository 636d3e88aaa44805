import { z } from 'zod';
import { Timestamp, Uuid } from '../common.js';
import { CommitSha } from './ciRun.js';

/** Outcome of one test case in a JUnit report: `ERROR` is JUnit's `<error>` (the test could not run to a verdict). */
export const TestCaseOutcome = z.enum(['PASS', 'FAIL', 'ERROR', 'SKIP']);
export type TestCaseOutcome = z.infer<typeof TestCaseOutcome>;

const reportFields = {
  /** The pipeline's name, as the CI run or the caller names it. */
  pipeline: z.string().min(1).max(255),
  /** The run within the pipeline (its number or id). */
  run: z.string().min(1).max(100),
  run_id: Uuid.optional(),
  commit_sha: CommitSha.optional(),
  /** Files the run's change touched, for the failure predictor. */
  changed_files: z.array(z.string().min(1)).default([]),
  tests: z.number().int().min(0),
  failures: z.number().int().min(0),
  errors: z.number().int().min(0),
  skipped: z.number().int().min(0),
  duration_ms: z.number().int().min(0),
};

/** One ingested JUnit report (migration 0022 `test_reports`). */
export const TestReport = z.object({ id: Uuid, ...reportFields, created_at: Timestamp });
export type TestReport = z.infer<typeof TestReport>;
export const NewTestReport = z.object(reportFields);
export type NewTestReport = z.input<typeof NewTestReport>;

const caseFields = {
  report_id: Uuid,
  pipeline: z.string().min(1).max(255),
  commit_sha: CommitSha.optional(),
  /** `<suite path> > <classname> > <name>`: stable across runs. */
  test_id: z.string().min(1).max(2000),
  suite: z.string().max(1000).default(''),
  class_name: z.string().max(1000).default(''),
  name: z.string().min(1).max(1000),
  file: z.string().max(1000).optional(),
  outcome: TestCaseOutcome,
  duration_ms: z.number().int().min(0),
  message: z.string().max(4000).optional(),
  /** When the report was run: equal for every case of one report, orders the history. */
  run_at: Timestamp,
};

/** One test case's result in one report (migration 0022 `test_case_results`). */
export const TestCaseResult = z.object({ id: Uuid, ...caseFields, created_at: Timestamp });
export type TestCaseResult = z.infer<typeof TestCaseResult>;
export const NewTestCaseResult = z.object(caseFields);
export type NewTestCaseResult = z.input<typeof NewTestCaseResult>;
