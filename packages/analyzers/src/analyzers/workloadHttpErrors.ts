import { defineAnalyzer, type Finding } from '@opspilot/core';
import { DOCS } from '../docsUrls.js';
import { findingOf } from '../findingOf.js';
import { HTTP_ERROR_RATE_KIND, type HttpErrorRate } from '../signals.js';
import { indexSnapshot } from '../snapshotIndex.js';

const ID = 'workload-http-errors';
/** A burst: at least 5 % of the requests, and at least one error every ten seconds (not one failed health check). */
const SHARE = 0.05;
const MIN_RATE = 0.1;

/**
 * Workloads answering a burst of HTTP 5xx (from metrics the caller queried, carried as `HttpErrorRate`): at least
 * 5 % of their requests and 0.1 per second over the window. Silent when the snapshot carries no rates. The cause is
 * usually in the workload's own log or a dependency it calls; a recent rollout is the first suspect.
 * @see https://kubernetes.io/docs/tasks/debug/debug-application/debug-running-pod/
 */
export const workloadHttpErrors = defineAnalyzer({
  id: ID,
  kinds: ['Deployment'],
  description: 'Workloads answering a burst of HTTP 5xx (from metrics)',
  analyze(snapshot) {
    const index = indexSnapshot(snapshot);
    const findings: Finding[] = [];
    for (const obj of index.of(HTTP_ERROR_RATE_KIND)) {
      const rate = obj as unknown as HttpErrorRate;
      if (rate.requestsPerSecond <= 0 || rate.errorsPerSecond < MIN_RATE) continue;
      const share = rate.errorsPerSecond / rate.requestsPerSecond;
      if (share < SHARE) continue;
      const target = index.get(rate.target.kind, rate.target.namespace, rate.target.name);
      const ref = target ?? rate.target;
      const where = `${rate.target.namespace ? `${rate.target.namespace}/` : ''}${rate.target.name}`;
      const pct = Math.round(share * 1000) / 10;
      findings.push(
        findingOf({
          analyzer: ID,
          severity: share >= 0.25 ? 'CRITICAL' : 'HIGH',
          object: ref,
          message: `${rate.target.kind} ${where} answers ${pct}% of its requests with HTTP 5xx (${rate.errorsPerSecond.toFixed(2)}/s of ${rate.requestsPerSecond.toFixed(2)}/s over ${rate.window})`,
          evidence: [
            {
              kind: 'metric',
              source: rate.query,
              detail: `${rate.errorsPerSecond.toFixed(3)} errors/s, ${rate.requestsPerSecond.toFixed(3)} requests/s over ${rate.window}`,
            },
          ],
          proposedFix: {
            description:
              'Read the error lines of its log and the dependencies it calls; if it started with a rollout, roll back first',
            command:
              rate.target.kind === 'Deployment'
                ? `kubectl rollout history deployment/${rate.target.name} -n ${rate.target.namespace ?? 'default'}`
                : `kubectl logs -n ${rate.target.namespace ?? 'default'} ${rate.target.kind.toLowerCase()}/${rate.target.name} --since=10m`,
          },
          docsUrl: DOCS.debugPods,
        }),
      );
    }
    return findings;
  },
});
