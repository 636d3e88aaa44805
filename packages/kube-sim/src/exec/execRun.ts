import type { ExecPod } from './execPod.js';
import type { PodNetwork } from './podNetwork.js';

/** What an exec run needs besides the pod: its network, stdin, the clock, and a bounded wait for timeouts. */
export interface ExecOptions {
  net: PodNetwork;
  stdin?: string;
  now(): Date;
  wait(ms: number): Promise<void>;
}

/** The state of one exec run: the pod, the run's options, its environment and the shell interpreting it. */
export interface Run {
  pod: ExecPod;
  options: ExecOptions;
  env: Record<string, string>;
  shell: string;
}
