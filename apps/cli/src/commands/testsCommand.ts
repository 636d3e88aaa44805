import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError } from '@opspilot/core';
import {
  evaluatePredictor,
  flakyTests,
  ingestTestReport,
  pipelineHistory,
  predictFailures,
  runsOf,
  slowestTests,
} from '@opspilot/delivery';
import type { Command } from 'commander';
import { z } from 'zod';
import type { CliContext } from '../cliContext.js';
import { withStore } from '../openCliStore.js';
import { renderColumns } from '../renderOutput.js';
import { reviewActor } from './reviewActor.js';

const Pipeline = z.string({ error: 'give --pipeline NAME' }).min(1).max(255);
const Files = z
  .string()
  .optional()
  .transform((s) =>
    s
      ? s
          .split(',')
          .map((f) => f.trim())
          .filter(Boolean)
      : [],
  );
const IngestOptions = z.object({
  pipeline: Pipeline,
  run: z.string({ error: 'give --run ID' }).min(1).max(100),
  commit: z
    .string()
    .regex(/^[0-9a-f]{7,64}$/, 'a commit id is 7 to 64 hex digits')
    .optional(),
  changed: Files,
  user: z.string().min(1).optional(),
});
const FlakyOptions = z.object({
  pipeline: Pipeline,
  days: z.coerce.number().int().min(1).max(365).default(30),
  all: z.boolean().default(false),
});
const PredictOptions = z.object({
  pipeline: Pipeline,
  changed: Files,
  limit: z.coerce.number().int().min(1).max(500).default(15),
});

function parse<T>(schema: z.ZodType<T>, raw: unknown, hint: string): T {
  const r = schema.safeParse(raw);
  if (!r.success) throw new InputError(`invalid option: ${r.error.issues[0]?.message}`, { hint });
  return r.data;
}

const pct = (n: number | null) => (n === null ? 'n/a' : `${(n * 100).toFixed(1)}%`);

/**
 * Registers `opspilot tests ingest <report.xml> --pipeline P --run R [--commit SHA] [--changed a,b]` (a JUnit XML
 * report stored per test case; audited), `opspilot tests flaky --pipeline P [--days N] [--all]` (flaky tests — passed
 * and failed on one commit, or a high flip rate — and the slowest ones) and `opspilot tests predict --pipeline P
 * --changed a,b` (which tests the change will likely fail, the run's risk, and the model's measured accuracy).
 */
export function testsCommand(parent: Command, ctx: CliContext): Command {
  const group = parent
    .command('tests')
    .description('test intelligence: JUnit reports, flaky tests, failure prediction');
  group
    .command('ingest')
    .description('store a JUnit XML report for a pipeline run')
    .argument('<file>', 'JUnit XML report')
    .option('--pipeline <name>', 'pipeline name')
    .option('--run <id>', 'run id or number (a tracked run with this id is linked)')
    .option('--commit <sha>', 'commit the run tested')
    .option('--changed <files>', 'comma-separated files the change touched (for prediction)')
    .option('--user <name>', 'acting user for the audit log')
    .action(async (file: string, raw: unknown, command: Command) => {
      const o = parse(IngestOptions, raw, 'e.g. opspilot tests ingest report.xml --pipeline CI --run 412');
      const xml = readFileSync(resolve(ctx.io.cwd, file), 'utf8');
      const config = await ctx.loadConfig(command);
      const user = reviewActor(o.user, ctx.io.env);
      const report = await withStore(config, ctx.io.cwd, async (store) => {
        const stored = await ingestTestReport({ records: store, now: () => new Date() }, xml, {
          pipeline: o.pipeline,
          run: o.run,
          changed_files: o.changed,
          ...(o.commit ? { commit_sha: o.commit } : {}),
        });
        await store.audit.append({
          user_id: user,
          action: 'delivery.tests.ingested',
          target: `test_report/${stored.id}`,
          details: {
            pipeline: stored.pipeline,
            run: stored.run,
            tests: stored.tests,
            failures: stored.failures + stored.errors,
            via: 'cli',
          },
        });
        return stored;
      });
      if (report.failures + report.errors > 0) ctx.run.exitCode = 1;
      ctx.print(
        command,
        report,
        (r) =>
          `stored ${r.tests} tests of ${r.pipeline} run ${r.run}: ${r.tests - r.failures - r.errors - r.skipped} passed, ${r.failures} failed, ${r.errors} errors, ${r.skipped} skipped (${r.id})`,
      );
    });
  group
    .command('flaky')
    .description('flaky and slowest tests of a pipeline')
    .option('--pipeline <name>', 'pipeline name')
    .option('--days <n>', 'window in days', '30')
    .option('--all', 'every test, not only the flaky ones')
    .action(async (raw: unknown, command: Command) => {
      const o = parse(FlakyOptions, raw, 'e.g. opspilot tests flaky --pipeline CI');
      const config = await ctx.loadConfig(command);
      const since = new Date(Date.now() - o.days * 86_400_000).toISOString();
      const { rows } = await withStore(config, ctx.io.cwd, (store) => pipelineHistory(store, o.pipeline, { since }));
      const all = flakyTests(rows);
      const result = {
        pipeline: o.pipeline,
        since,
        tests: o.all ? all : all.filter((t) => t.flaky),
        slowest: slowestTests(rows, 5),
      };
      ctx.print(command, result, (r) =>
        [
          r.tests.length === 0
            ? `no flaky tests in ${r.pipeline} since ${r.since.slice(0, 10)}`
            : renderColumns([
                ['TEST', 'FLAKY', 'REASON', 'RUNS', 'FAILURE RATE', 'FLIP RATE', 'LAST'],
                ...r.tests.map((t) => [
                  t.test_id,
                  t.flaky ? 'yes' : 'no',
                  t.reason ?? '-',
                  String(t.runs),
                  pct(t.failure_rate),
                  pct(t.flip_rate),
                  t.last_outcome,
                ]),
              ]),
          '',
          'SLOWEST',
          renderColumns(r.slowest.map((s) => [s.test_id, `${s.avg_duration_ms} ms`, `${s.runs} runs`])),
        ].join('\n'),
      );
    });
  group
    .command('predict')
    .description('which tests a change will likely fail, and the run’s risk')
    .option('--pipeline <name>', 'pipeline name')
    .option('--changed <files>', 'comma-separated files the change touches')
    .option('--limit <n>', 'how many tests to list', '15')
    .action(async (raw: unknown, command: Command) => {
      const o = parse(PredictOptions, raw, 'e.g. opspilot tests predict --pipeline CI --changed api/src/user.ts');
      const config = await ctx.loadConfig(command);
      const { rows, changed } = await withStore(config, ctx.io.cwd, (store) => pipelineHistory(store, o.pipeline));
      const history = runsOf(rows, changed);
      const prediction = predictFailures(history, o.changed);
      const result = {
        ...prediction,
        tests: prediction.tests.slice(0, o.limit),
        evaluation: evaluatePredictor(history),
      };
      ctx.print(command, result, (r) => {
        if (r.status !== 'ok') return `not enough data: ${r.reason}`;
        const e = r.evaluation;
        return [
          `risk that some test fails: ${pct(r.risk)} (trained on ${r.training.runs} runs, ${r.training.examples} outcomes)`,
          e.status === 'ok'
            ? `measured on the last ${e.test_runs} runs: accuracy ${pct(e.accuracy)} (always-pass ${pct(e.baseline_accuracy)}), precision ${pct(e.precision)}, recall ${pct(e.recall)}`
            : `accuracy: not enough data (${e.reason})`,
          '',
          renderColumns([
            ['TEST', 'P(FAIL)', 'PREDICTED', 'WHY (largest contribution)'],
            ...r.tests.map((t) => {
              const [why] = Object.entries(t.contributions)
                .filter(([k]) => k !== 'bias')
                .sort((a, b) => b[1] - a[1]);
              return [
                t.test_id,
                pct(t.probability),
                t.will_fail ? 'fail' : 'pass',
                why ? `${why[0]} +${why[1].toFixed(2)}` : '-',
              ];
            }),
          ]),
        ].join('\n');
      });
    });
  return group;
}
