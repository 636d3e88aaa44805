import type { TestCaseOutcome } from '@opspilot/core';
import type { TestOutcomeRow, TestRun } from './testHistory.js';

/** A small deterministic generator (mulberry32): the same seed gives the same history everywhere. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Options of {@link syntheticTestHistory}. */
export interface SyntheticHistoryOptions {
  seed?: number;
  runs?: number;
  modules?: number;
  testsPerModule?: number;
  /** Tests that fail at random (p = 0.25) whatever changed. */
  flakyTests?: number;
}

const MODULES = ['api', 'web', 'billing', 'auth', 'search', 'storage', 'notify', 'reports'];

/**
 * A made-up but plausible test history for measuring the predictor: modules with source files and tests; each run
 * changes 1–6 files in one or two modules; a change to a module breaks it with probability 0.2, failing about half
 * of that module's tests (each 95 % of runs) until a later run touching the module fixes it (probability 0.8 per such
 * run); a few
 * flaky tests fail at random; every test has a 1 % background failure rate. Commit ids are derived from the run.
 */
export function syntheticTestHistory(options: SyntheticHistoryOptions = {}): TestRun[] {
  const rnd = random(options.seed ?? 42);
  const modules = MODULES.slice(0, options.modules ?? 6);
  const perModule = options.testsPerModule ?? 10;
  const tests = modules.flatMap((m) =>
    Array.from({ length: perModule }, (_, i) => ({
      id: `${m} > ${m}Test > case ${i + 1}`,
      module: m,
      file: `${m}/test/${m}${i % 3}.test.ts`,
      duration: 20 + Math.floor(rnd() * 400),
    })),
  );
  const flaky = new Set(
    Array.from({ length: options.flakyTests ?? 4 }, (_, i) => tests[(i * 7 + 3) % tests.length]!.id),
  );
  const broken = new Set<string>();
  const brokenTests = new Set<string>();
  const runs: TestRun[] = [];
  const start = Date.parse('2026-09-01T00:00:00Z');
  for (let r = 0; r < (options.runs ?? 200); r++) {
    const touched = new Set<string>([modules[Math.floor(rnd() * modules.length)]!]);
    if (rnd() < 0.3) touched.add(modules[Math.floor(rnd() * modules.length)]!);
    const changed: string[] = [];
    for (const m of touched) {
      for (let k = 1 + Math.floor(rnd() * 3); k > 0; k--) changed.push(`${m}/src/file${Math.floor(rnd() * 8)}.ts`);
      if (broken.has(m) && rnd() < 0.8) {
        broken.delete(m);
        for (const t of tests) if (t.module === m) brokenTests.delete(t.id);
      } else if (!broken.has(m) && rnd() < 0.2) {
        broken.add(m);
        for (const t of tests) if (t.module === m && rnd() < 0.5) brokenTests.add(t.id);
      }
    }
    const report_id = `run-${String(r + 1).padStart(4, '0')}`;
    const run_at = new Date(start + r * 3_600_000).toISOString();
    const commit_sha = (r * 2654435761 + 0x1000000).toString(16).padStart(12, '0').slice(-12);
    const results: TestOutcomeRow[] = tests.map((t) => {
      let fail = rnd() < 0.01;
      if (brokenTests.has(t.id) && rnd() < 0.95) fail = true;
      if (flaky.has(t.id) && rnd() < 0.25) fail = true;
      const outcome: TestCaseOutcome = fail ? 'FAIL' : 'PASS';
      return { test_id: t.id, outcome, run_at, duration_ms: t.duration, commit_sha, file: t.file, report_id };
    });
    runs.push({ report_id, run_at, changed_files: [...new Set(changed)].sort(), results });
  }
  return runs;
}
