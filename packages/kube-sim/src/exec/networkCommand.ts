import type { ApiContext } from '../server/apiContext.js';
import type { KubeObject } from '../store/kubeObject.js';
import { curl, wget } from './httpClients.js';
import { PodNetwork } from './podNetwork.js';
import { nc } from './podPrograms.js';

/** What a network client run as a container's process printed, how it exited, and how long it took. */
export interface NetworkCommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** Time the client spent waiting (a connection dropped by a NetworkPolicy until its timeout), in ms. */
  elapsedMs: number;
}

/**
 * Runs `wget`, `curl` or `nc` from `pod` now, synchronously, through the same network model as `kubectl exec`
 * (Service DNS names, endpoints, NetworkPolicies): for interpreting a container's main command (`kubectl run -i
 * --rm t --image=busybox -- wget -qO- http://web`) on the cluster clock, where a dropped connection takes the
 * client's whole timeout. Undefined for any other program. Downloaded files are not kept.
 */
export function runNetworkCommand(ctx: ApiContext, pod: KubeObject, argv: string[]): NetworkCommandResult | undefined {
  const name = (argv[0] ?? '').slice((argv[0] ?? '').lastIndexOf('/') + 1);
  if (!['wget', 'curl', 'nc'].includes(name)) return undefined;
  let stdout = '';
  let stderr = '';
  let elapsedMs = 0;
  const net = new PodNetwork(ctx, pod);
  const io = {
    out: (t: string) => {
      stdout += t;
    },
    err: (t: string) => {
      stderr += t;
    },
    writeFile: () => undefined,
    net,
    now: ctx.now,
    wait: (ms: number) => {
      elapsedMs += ms;
    },
  };
  const args = argv.slice(1);
  const exitCode =
    name === 'wget'
      ? wget(args, io)
      : name === 'curl'
        ? curl(args, io)
        : nc(args, { stdin: '', out: io.out, err: io.err }, net, io.wait);
  return { exitCode, stdout, stderr, elapsedMs };
}
