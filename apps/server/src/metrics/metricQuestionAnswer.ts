import type { Cluster, MetricQuestion } from '@opspilot/core';
import { type MetricsAnswer, namedQuery } from '@opspilot/observe';
import type { ServerMetrics } from './createServerMetrics.js';

/**
 * Answers a metrics question the planner recognised ("which pods use the most memory", "error rate of backend in the last
 * hour") with its named query on the cluster asked about: the latest values, or the window the question names. A
 * read: no operation is planned or stored.
 */
export async function answerMetricQuestion(
  metrics: Pick<ServerMetrics, 'over'>,
  cluster: Cluster,
  question: MetricQuestion,
  namespace: string | undefined,
  now: Date,
): Promise<{ understood: string; answer: MetricsAnswer }> {
  const params = { ...question.params, ...(namespace && !question.params.namespace ? { namespace } : {}) };
  const { query } = namedQuery(question.name, params);
  const range = question.windowSeconds !== undefined && !query.top;
  const window = range
    ? {
        start_time: new Date(now.getTime() - question.windowSeconds! * 1000).toISOString(),
        end_time: now.toISOString(),
        step: question.windowSeconds! > 6 * 3600 ? '15m' : question.windowSeconds! > 3600 ? '5m' : '1m',
      }
    : {};
  const answer = await metrics
    .over([cluster])
    .named(question.name, params, { instant: !range, ...window, timeout: 15 });
  return { understood: `${query.title}${params.app ? ` — ${params.app}` : ''} on ${cluster.name}`, answer };
}
