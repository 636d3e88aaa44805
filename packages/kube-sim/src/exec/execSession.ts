import type { ApiContext } from '../server/apiContext.js';
import type { KubeObject } from '../store/kubeObject.js';
import { CHANNEL, type ChannelSession, exitStatus, failureStatus } from '../streaming/channelProtocol.js';
import { execPodOf } from './execPod.js';
import { runExec } from './execRunner.js';
import { PodNetwork } from './podNetwork.js';

type Json = Record<string, unknown>;

/**
 * The longest real time an exec waits where the simulated client would wait longer (a connection dropped by a
 * NetworkPolicy until `wget -T` / `curl -m` gives up): the message and exit code are those of the full timeout.
 */
export const EXEC_WAIT_CAP_MS = 1_500;

const READS_STDIN = ['sh', 'bash', 'ash', 'dash', 'cat', 'grep', 'head', 'tail', 'wc', 'sort'];

/** Whether the command reads its standard input (a shell without `-c`, a filter without files). */
function readsStdin(command: string[]): boolean {
  const name = (command[0] ?? '').slice((command[0] ?? '').lastIndexOf('/') + 1);
  if (!READS_STDIN.includes(name)) return false;
  if (['sh', 'bash', 'ash', 'dash'].includes(name)) return !command.includes('-c');
  return command.slice(1).filter((a) => !a.startsWith('-')).length <= (name === 'grep' ? 1 : 0);
}

/**
 * Runs one `kubectl exec` in the container's model and streams its result: stdout and stderr on their channels,
 * then the exit Status on the error channel (kubectl exits with the command's code). With `stdin`, a command that
 * reads its input (a shell without `-c`, `cat`) gets what the client sends until it closes stdin.
 */
export async function runExecSession(
  ctx: ApiContext,
  session: ChannelSession,
  pod: KubeObject,
  container: string,
  command: string[],
  stdin: boolean,
): Promise<void> {
  try {
    const spec = ((pod.spec as Json).containers as Json[]).concat(((pod.spec as Json).initContainers as Json[]) ?? []);
    const image = String(spec.find((c) => c.name === container)?.image ?? '');
    let input = '';
    if (stdin && readsStdin(command)) {
      const chunks: Buffer[] = [];
      session.onStdin((data) => chunks.push(data));
      await new Promise<void>((resolve) => {
        session.onStdinEnd(resolve);
        session.onClose(resolve);
      });
      input = Buffer.concat(chunks).toString('utf8');
    }
    if (session.closed) return;
    const outcome = await runExec(command, execPodOf(ctx, pod, container, image), {
      net: new PodNetwork(ctx, pod),
      stdin: input,
      now: ctx.now,
      wait: (ms) => new Promise((resolve) => setTimeout(resolve, Math.min(ms, EXEC_WAIT_CAP_MS))),
    });
    if (outcome.kind === 'startError') return session.finish(failureStatus(outcome.message));
    session.write(CHANNEL.stdout, outcome.stdout);
    session.write(CHANNEL.stderr, outcome.stderr);
    session.finish(exitStatus(outcome.exitCode, command));
  } catch (error) {
    session.finish(failureStatus(`Internal error occurred: ${(error as Error).message}`));
  }
}
