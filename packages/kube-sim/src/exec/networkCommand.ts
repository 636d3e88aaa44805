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
export function runNetworkCommand(
  ctx: Pick<ApiContext, 'store' | 'registry' | 'now'>,
  pod: KubeObject,
  argv: string[],
): NetworkCommandResult | undefined {
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

const RUNS = new WeakMap<object, Map<string, NetworkCommandResult | undefined>>();

/**
 * A `NetworkRunner` for one container of `pod`, for the kubelet's interpretation of its command: the first run of a
 * given command line decides its result, kept for the pod's life (a NetworkPolicy created after the request was
 * answered does not change what the finished process printed or its exit code).
 */
export function containerNetwork(
  ctx: Pick<ApiContext, 'store' | 'registry' | 'now'>,
  pod: KubeObject,
  container: string,
): (argv: string[]) => NetworkCommandResult | undefined {
  return (argv) => {
    const runs = RUNS.get(ctx.store) ?? new Map<string, NetworkCommandResult | undefined>();
    RUNS.set(ctx.store, runs);
    const key = `${pod.metadata.uid}/${container}/${JSON.stringify(argv)}`;
    if (!runs.has(key)) runs.set(key, runNetworkCommand(ctx, pod, argv));
    return runs.get(key);
  };
}
