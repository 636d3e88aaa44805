import { TestReport } from '@opspilot/core';
import {
  evaluatePredictor,
  flakyTests,
  ingestTestReport,
  pipelineHistory,
  predictFailures,
  runsOf,
  slowestTests,
} from '@opspilot/delivery';
import { z } from 'zod';
import { audit, procedureFor } from '../trpc.js';

const Pipeline = z.string().min(1).max(255);
const Hex = z.string().regex(/^[0-9a-f]{7,64}$/);
const Ratio = z.number().nullable();

const Flaky = z.object({
  test_id: z.string(),
  runs: z.number(),
  failures: z.number(),
  failure_rate: z.number(),
  flip_rate: z.number(),
  flaky_commits: z.array(z.string()),
  flaky: z.boolean(),
  reason: z.enum(['same-commit', 'flip-rate']).optional(),
  avg_duration_ms: z.number(),
  last_outcome: z.string(),
});

const Evaluation = z.object({
  status: z.enum(['ok', 'not enough data']),
  reason: z.string().optional(),
  train_runs: z.number(),
  test_runs: z.number(),
  examples: z.number(),
  accuracy: Ratio,
  baseline_accuracy: Ratio,
  precision: Ratio,
  recall: Ratio,
  run_accuracy: Ratio,
  brier: Ratio,
});

/**
 * Test intelligence procedures of the delivery router: JUnit reports ingested per pipeline run, flaky and slowest
 * tests over a window, and the failure predictor (which tests a change will fail, the run's risk, and the model's
 * accuracy measured on the stored history).
 */
export const deliveryTestProcedures = {
  ingestTests: procedureFor('OPERATOR')
    .meta({
      openapi: {
        method: 'POST',
        path: '/delivery/tests',
        tags: ['delivery'],
        protect: true,
        summary: 'Ingest a JUnit XML report',
      },
    })
    .input(
      z.object({
        pipeline: Pipeline,
        run: z.string().min(1).max(100),
        commit_sha: Hex.optional(),
        changed_files: z.array(z.string().min(1).max(1024)).max(10_000).default([]),
        xml: z.string().min(1).max(20_000_000),
      }),
    )
    .output(TestReport)
    .mutation(async ({ ctx, input }) => {
      const report = await ingestTestReport(
        { records: ctx.services.store, now: () => ctx.services.clock.now(), events: ctx.services.bus },
        input.xml,
        input,
      );
      await audit(ctx, {
        action: 'delivery.tests.ingested',
        target: `test_report/${report.id}`,
        details: {
          pipeline: report.pipeline,
          run: report.run,
          tests: report.tests,
          failures: report.failures + report.errors,
        },
      });
      return report;
    }),

  testReports: procedureFor('VIEWER')
    .meta({
      openapi: {
        method: 'GET',
        path: '/delivery/tests/reports',
        tags: ['delivery'],
        protect: true,
        summary: 'Ingested JUnit reports',
      },
    })
    .input(
      z.object({
        pipeline: Pipeline.optional(),
        page: z.number().int().min(1).default(1),
        page_size: z.number().int().min(1).max(100).default(20),
      }),
    )
    .output(
      z.object({
        items: z.array(TestReport),
        total: z.number(),
        page: z.number(),
        page_size: z.number(),
        total_pages: z.number(),
      }),
    )
    .query(async ({ ctx, input }) =>
      ctx.services.store.testReports.list(input.pipeline ? { pipeline: input.pipeline } : {}, {
        page: input.page,
        page_size: input.page_size,
      }),
    ),

  flaky: procedureFor('VIEWER')
    .meta({
      openapi: {
        method: 'GET',
        path: '/delivery/tests/flaky',
        tags: ['delivery'],
        protect: true,
        summary: 'Flaky and slowest tests of a pipeline',
      },
    })
    .input(
      z.object({
        pipeline: Pipeline,
        days: z.number().int().min(1).max(365).default(30),
        all: z.boolean().default(false),
      }),
    )
    .output(
      z.object({
        pipeline: z.string(),
        since: z.string(),
        tests: z.array(Flaky),
        slowest: z.array(z.object({ test_id: z.string(), avg_duration_ms: z.number(), runs: z.number() })),
      }),
    )
    .query(async ({ ctx, input }) => {
      const since = new Date(ctx.services.clock.now().getTime() - input.days * 86_400_000).toISOString();
      const { rows } = await pipelineHistory(ctx.services.store, input.pipeline, { since });
      const all = flakyTests(rows);
      return {
        pipeline: input.pipeline,
        since,
        tests: input.all ? all : all.filter((t) => t.flaky),
        slowest: slowestTests(rows, 10),
      };
    }),

  predictions: procedureFor('VIEWER')
    .meta({
      openapi: {
        method: 'POST',
        path: '/delivery/tests/predictions',
        tags: ['delivery'],
        protect: true,
        summary: 'Predict which tests a change fails',
      },
    })
    .input(
      z.object({
        pipeline: Pipeline,
        changed_files: z.array(z.string().min(1).max(1024)).max(10_000).default([]),
        limit: z.number().int().min(1).max(500).default(20),
      }),
    )
    .output(
      z.object({
        status: z.enum(['ok', 'not enough data']),
        reason: z.string().optional(),
        training: z.object({ runs: z.number(), examples: z.number(), failures: z.number() }),
        weights: z.record(z.string(), z.number()),
        risk: z.number().nullable(),
        tests: z.array(
          z.object({
            test_id: z.string(),
            probability: z.number(),
            will_fail: z.boolean(),
            contributions: z.record(z.string(), z.number()),
          }),
        ),
        evaluation: Evaluation,
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const { rows, changed } = await pipelineHistory(ctx.services.store, input.pipeline);
      const history = runsOf(rows, changed);
      const prediction = predictFailures(history, input.changed_files);
      return { ...prediction, tests: prediction.tests.slice(0, input.limit), evaluation: evaluatePredictor(history) };
    }),
};
