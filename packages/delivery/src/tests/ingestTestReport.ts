import type { EventBus, TestReport } from '@opspilot/core';
import type { DeliveryRecords } from '../runs/deliveryRecords.js';
import { parseJunit } from './parseJunit.js';

/** What a caller says about a JUnit report besides the XML. */
export interface TestReportInput {
  pipeline: string;
  run: string;
  commit_sha?: string;
  changed_files?: string[];
  /** When the tests ran (default now). */
  run_at?: string;
}

/**
 * Parses a JUnit XML report and stores it with one row per test case (migration 0022). The run is linked to a
 * tracked CI run with the same external id (and pipeline or repository name), whose commit it takes when none is
 * given. Publishes `TEST_REPORT_INGESTED`. Throws the parser's InputError for a document that is not a report.
 */
export async function ingestTestReport(
  deps: {
    records: Pick<DeliveryRecords, 'testReports' | 'testCaseResults' | 'ciRuns'>;
    now: () => Date;
    events?: EventBus;
  },
  xml: string,
  input: TestReportInput,
): Promise<TestReport> {
  const parsed = parseJunit(xml);
  if (!parsed.ok) throw parsed.error;
  const candidates = (await deps.records.ciRuns.list({ external_id: input.run }, { page_size: 20 })).items;
  const run = candidates.find((r) => r.pipeline === input.pipeline || r.repository === input.pipeline);
  const commit = input.commit_sha ?? run?.commit_sha;
  const report = await deps.records.testReports.create({
    pipeline: input.pipeline,
    run: input.run,
    ...(run ? { run_id: run.id } : {}),
    ...(commit ? { commit_sha: commit } : {}),
    changed_files: input.changed_files ?? [],
    tests: parsed.value.tests,
    failures: parsed.value.failures,
    errors: parsed.value.errors,
    skipped: parsed.value.skipped,
    duration_ms: parsed.value.duration_ms,
  });
  const runAt = input.run_at ?? deps.now().toISOString();
  for (const c of parsed.value.cases) {
    await deps.records.testCaseResults.create({
      report_id: report.id,
      pipeline: input.pipeline,
      ...(commit ? { commit_sha: commit } : {}),
      ...c,
      run_at: runAt,
    });
  }
  await deps.events
    ?.publish({
      event_type: 'TEST_REPORT_INGESTED',
      timestamp: deps.now().toISOString(),
      payload: {
        report_id: report.id,
        pipeline: report.pipeline,
        run: report.run,
        tests: report.tests,
        failures: report.failures + report.errors,
      },
    })
    .catch(() => undefined);
  return report;
}

/** The outcome rows and changed files of a pipeline's stored history, for flakiness and prediction. */
export async function pipelineHistory(
  records: Pick<DeliveryRecords, 'testReports' | 'testCaseResults'>,
  pipeline: string,
  options: { since?: string; limit?: number } = {},
) {
  const filter = { pipeline, ...(options.since ? { run_at: { gte: options.since } } : {}) };
  const rows = [];
  const limit = options.limit ?? 50_000;
  for (let page = 1; rows.length < limit; page++) {
    const found = await records.testCaseResults.list(filter, { page, page_size: 100 });
    rows.push(...found.items);
    if (page >= found.total_pages) break;
  }
  const changed = new Map<string, string[]>();
  for (let page = 1; ; page++) {
    const found = await records.testReports.list({ pipeline }, { page, page_size: 100 });
    for (const r of found.items) changed.set(r.id, r.changed_files);
    if (page >= found.total_pages) break;
  }
  return {
    rows: rows.map((r) => ({
      test_id: r.test_id,
      outcome: r.outcome,
      run_at: r.run_at,
      duration_ms: r.duration_ms,
      report_id: r.report_id,
      ...(r.commit_sha ? { commit_sha: r.commit_sha } : {}),
      ...(r.file ? { file: r.file } : {}),
    })),
    changed,
  };
}
