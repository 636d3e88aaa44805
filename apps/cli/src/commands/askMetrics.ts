import type { OpspilotConfig } from '@opspilot/config';
import type { MetricQuestion } from '@opspilot/core';
import { namedQuery } from '@opspilot/observe';
import type { Command } from 'commander';
import type { CliContext } from '../cliContext.js';
import { answerText } from './metricsCommand.js';
import { localMetrics } from './metricsLocal.js';

/**
 * `opspilot ask` for a metrics question ("which pods use the most memory", "show cpu usage of nodes", "error rate of
 * backend in the last hour"): its named query's numbers, as `opspilot metrics named` prints them. With a window and
 * a Prometheus, the window's series; without one, the latest values (one sample of metrics.k8s.io).
 */
export async function answerMetricQuestion(
  question: MetricQuestion,
  config: OpspilotConfig,
  command: Command,
  ctx: CliContext,
): Promise<void> {
  const params = {
    ...question.params,
    ...(config.kube.namespace && !question.params.namespace ? { namespace: config.kube.namespace } : {}),
  };
  const { query } = namedQuery(question.name, params);
  const metrics = await localMetrics(config, ctx.io);
  const range = question.windowSeconds !== undefined && !query.top && config.prometheus.url !== undefined;
  const end = new Date();
  const answer = await metrics.named(question.name, params, {
    instant: !range,
    ...(range
      ? {
          start_time: new Date(end.getTime() - question.windowSeconds! * 1000).toISOString(),
          end_time: end.toISOString(),
          step: question.windowSeconds! > 3600 ? '5m' : '1m',
        }
      : {}),
  });
  const empty = answer.results.every((r) => r.data.length === 0);
  if (answer.status !== 'SUCCESS' || empty) ctx.run.exitCode = 1;
  const json = { kind: 'metrics' as const, understood: query.title, answer };
  ctx.print(command, json, (j) => {
    const hint =
      empty && !config.prometheus.url
        ? '\nno values: without a Prometheus only CPU and memory are at hand (set prometheus.url, or ask the server, which samples request and error rates)'
        : '';
    return `Understood: ${j.understood}\n${answerText(j.answer)}${hint}`;
  });
}
