import type { LogOptions, ObjectRef } from '@opspilot/core';
import { type GatewayContext, namespaceFor, resolveKind, send } from './gatewayContext.js';
import { resourcePath } from './kindTable.js';

/**
 * The log text of one pod's container, as `kubectl logs` fetches it (`container` is needed when the pod has
 * several; the server's refusal names them). Log lines come from workloads: untrusted data.
 * @see https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#get-read-log-of-the-specified-pod
 */
export async function podLogs(ctx: GatewayContext, pod: ObjectRef, options: LogOptions = {}): Promise<string> {
  const info = await resolveKind(ctx, 'Pod');
  const namespace = namespaceFor(ctx, info, pod.namespace);
  const answer = await send(
    ctx,
    {
      method: 'GET',
      path: `${resourcePath(info, namespace, pod.name)}/log`,
      query: {
        container: options.container,
        tailLines: options.tailLines,
        sinceSeconds: options.sinceSeconds,
        previous: options.previous ? true : undefined,
        timestamps: options.timestamps ? true : undefined,
      },
      accept: 'text/plain, */*',
      signal: options.signal,
    },
    { verb: 'get', info, name: pod.name, namespace, subresource: 'log' },
  );
  return typeof answer === 'string' ? answer : JSON.stringify(answer);
}
