import { z } from 'zod';
import { badRequest } from '../api/statusError.js';
import type { KubeObject } from '../store/kubeObject.js';
import type { ApiContext, ResourceCall } from './apiContext.js';
import { parseQuery } from './queryParams.js';
import type { LogRequest } from './simHooks.js';

const count = z.string().regex(/^\d+$/, { message: 'must be a non-negative integer' }).transform(Number).optional();
const flag = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .optional();

/**
 * Query parameters of `GET .../pods/{name}/log`.
 * @see https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#get-read-log-of-the-specified-pod
 */
const LogQuery = z.object({
  container: z.string().optional(),
  tailLines: count,
  limitBytes: count,
  sinceSeconds: count,
  follow: flag,
  previous: flag,
  timestamps: flag,
});

type Json = Record<string, unknown>;

function chooseContainer(pod: KubeObject, wanted: string | undefined): string {
  const spec = (pod.spec ?? {}) as Json;
  const names = ((spec.containers as Json[] | undefined) ?? []).map((c) => String(c.name));
  const all = [...names, ...((spec.initContainers as Json[] | undefined) ?? []).map((c) => String(c.name))];
  const name = pod.metadata.name;
  if (wanted) {
    if (!all.includes(wanted)) throw badRequest(`container ${wanted} is not valid for pod ${name}`);
    return wanted;
  }
  const defaulted = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
  if (defaulted && names.includes(defaulted)) return defaulted;
  if (names.length === 1) return names[0]!;
  throw badRequest(`a container name must be specified for pod ${name}, choose one of: [${names.join(' ')}]`);
}

/**
 * Pod logs from the behaviour model's hook: `container` (required when the pod has several), `tailLines`,
 * `limitBytes`, `sinceSeconds`, `timestamps`, `previous`. With `follow` the response streams: lines the hook
 * reports later are sent as they appear, until the pod is deleted, the client goes away or
 * {@link ApiContext.limits} `logFollowMs` passes.
 * @see https://kubernetes.io/docs/reference/kubectl/generated/kubectl_logs/
 */
export function podLogs(ctx: ApiContext, call: ResourceCall): void {
  const { type, namespace, name } = call.target;
  const q = parseQuery(LogQuery, call.url.searchParams);
  const pod = ctx.store.get(type, namespace, name!);
  const container = chooseContainer(pod, q.container);
  const request = (current: KubeObject, tailLines?: number): LogRequest => ({
    namespace: namespace ?? 'default',
    pod: current,
    container,
    tailLines,
    previous: q.previous ?? false,
    timestamps: q.timestamps ?? false,
    sinceSeconds: q.sinceSeconds,
  });
  let text = ctx.hooks
    .logs(request(pod, q.tailLines))
    .map((l) => `${l}\n`)
    .join('');
  if (q.limitBytes !== undefined) text = Buffer.from(text).subarray(0, q.limitBytes).toString('utf8');
  const { res, req } = call;
  res.writeHead(200, { 'Content-Type': 'text/plain', 'Transfer-Encoding': 'chunked' });
  res.flushHeaders();
  res.write(text);
  if (!q.follow) {
    res.end();
    return;
  }
  let sent = ctx.hooks.logs(request(pod)).length;
  const poll = setInterval(() => {
    const current = ctx.store.find(type, namespace, name!);
    if (!current) return finish();
    const lines = ctx.hooks.logs(request(current));
    if (lines.length > sent)
      res.write(
        lines
          .slice(sent)
          .map((l) => `${l}\n`)
          .join(''),
      );
    sent = Math.max(sent, lines.length);
  }, ctx.limits.logPollMs);
  const timeout = setTimeout(() => finish(), ctx.limits.logFollowMs);
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    clearInterval(poll);
    clearTimeout(timeout);
    release();
    res.end();
  };
  const release = ctx.track(finish);
  req.on('close', finish);
  res.on('close', finish);
}
