import { recordAttachedExit } from '../controllers/attachedShell.js';
import type { ApiContext } from '../server/apiContext.js';
import type { KubeObject } from '../store/kubeObject.js';
import { CHANNEL, type ChannelSession } from '../streaming/channelProtocol.js';
import { execPodOf } from './execPod.js';
import { interactiveShell } from './execRunner.js';
import { EXEC_WAIT_CAP_MS } from './execSession.js';
import { PodNetwork } from './podNetwork.js';

type Json = Record<string, unknown>;

/**
 * Feeds what an attached client sends on stdin to the container's interactive shell (`sh` without `-c`), a line at
 * a time through the exec subset, streaming each line's output back. `exit N` (or the client closing stdin, with the
 * last line's status) ends the shell: the exit is recorded for the kubelet model, which terminates the container.
 */
export function feedAttachedShell(
  ctx: ApiContext,
  session: ChannelSession,
  pod: KubeObject,
  container: Json,
  restartCount: number,
): void {
  const name = String(container.name);
  const argv = [...((container.command as string[]) ?? []), ...((container.args as string[]) ?? [])];
  const runLine = interactiveShell(argv[0] ?? 'sh', execPodOf(ctx, pod, name, String(container.image ?? '')), {
    net: new PodNetwork(ctx, pod),
    now: ctx.now,
    wait: (ms) => new Promise((resolve) => setTimeout(resolve, Math.min(ms, EXEC_WAIT_CAP_MS))),
  });
  let pending = '';
  let status = 0;
  let ended = false;
  let queue = Promise.resolve();
  const end = (exitCode: number) => {
    if (ended) return;
    ended = true;
    recordAttachedExit(ctx.store, pod, name, { exitCode, atMs: ctx.now().getTime(), restartCount });
  };
  const run = (line: string) => {
    queue = queue.then(async () => {
      if (ended || !line.trim()) return;
      try {
        const result = await runLine(line);
        session.write(CHANNEL.stdout, result.stdout);
        session.write(CHANNEL.stderr, result.stderr);
        status = result.status;
        if (result.exited) end(result.status);
      } catch (error) {
        session.write(CHANNEL.stderr, `sh: ${(error as Error).message}\n`);
        status = 2;
      }
    });
  };
  session.onStdin((data) => {
    pending += data.toString('utf8');
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) run(line);
  });
  session.onStdinEnd(() => {
    run(pending);
    pending = '';
    queue = queue.then(() => end(status));
  });
  // With `stdinOnce` (kubectl run -i), the runtime closes the shell's stdin when the client detaches.
  if (container.stdinOnce === true) session.onClose(() => (queue = queue.then(() => end(status))));
}
