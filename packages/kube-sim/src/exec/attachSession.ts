import { isInteractiveShell } from '../controllers/attachedShell.js';
import type { ApiContext } from '../server/apiContext.js';
import type { KubeObject } from '../store/kubeObject.js';
import { CHANNEL, type ChannelSession } from '../streaming/channelProtocol.js';
import { feedAttachedShell } from './attachShell.js';

type Json = Record<string, unknown>;

/** How often an attached session looks for new output and for the process's end. */
export const ATTACH_POLL_MS = 200;

function runOf(pod: KubeObject | undefined, container: string): { running: boolean; restarts: number } {
  const statuses = [
    ...(((pod?.status as Json | undefined)?.containerStatuses as Json[] | undefined) ?? []),
    ...(((pod?.status as Json | undefined)?.initContainerStatuses as Json[] | undefined) ?? []),
  ];
  const status = statuses.find((s) => s.name === container);
  return { running: !!(status?.state as Json | undefined)?.running, restarts: Number(status?.restartCount ?? 0) };
}

/**
 * `kubectl attach` / `kubectl run -i`: streams the output of the container's current run — what it printed since
 * it started, then each new line as the behaviour model produces it (on the cluster clock) — and ends with a
 * `Success` Status when that run ends (the process exits, crashes or is restarted) or the pod goes, as the kubelet's
 * attach does; kubectl then reads the exit code from the pod's status. With `stdin`, a container whose process is an
 * interactive shell (`sh` without `-c`, `stdin: true`) runs the lines it is sent (`feedAttachedShell`); other
 * containers' models do not read input, which is accepted and discarded.
 */
export function runAttachSession(
  ctx: ApiContext,
  session: ChannelSession,
  pod: KubeObject,
  container: string,
  stdin = false,
): void {
  const type = ctx.registry.find('', 'v1', 'pods')!;
  const namespace = pod.metadata.namespace ?? 'default';
  const first = runOf(pod, container);
  const logs = (current: KubeObject) =>
    ctx.hooks.logs({
      namespace,
      pod: current,
      container,
      previous: runOf(current, container).restarts > first.restarts,
    });
  let sent = 0;
  const flush = (current: KubeObject) => {
    const lines = logs(current);
    if (lines.length > sent)
      session.write(
        CHANNEL.stdout,
        lines
          .slice(sent)
          .map((l) => `${l}\n`)
          .join(''),
      );
    sent = Math.max(sent, lines.length);
  };
  const tick = () => {
    const current = ctx.store.find(type, namespace, pod.metadata.name);
    if (current) flush(current);
    const now = runOf(current, container);
    if (!current || !now.running || now.restarts !== first.restarts) stop();
  };
  const timer = setInterval(tick, ATTACH_POLL_MS);
  const stop = () => {
    clearInterval(timer);
    session.finish({ metadata: {}, status: 'Success' });
  };
  session.onClose(() => clearInterval(timer));
  const spec = (((pod.spec as Json).containers as Json[] | undefined) ?? []).find((c) => c.name === container);
  if (stdin && first.running && spec && isInteractiveShell(spec))
    feedAttachedShell(ctx, session, pod, spec, first.restarts);
  tick();
}
