import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { OpspilotConfig } from '@opspilot/config';
import { InputError } from '@opspilot/core';
import { createClusterGateway, type KubeClusterGateway } from '@opspilot/kube';

/** The simulated cluster's kubeconfig as `opspilot sim serve` writes it by default, under the data directory. */
export const SIM_KUBECONFIG = 'sim-kubeconfig.yaml';

/**
 * The cluster a command talks to, the way kubectl finds it, with the simulated cluster as the default:
 * `--kubeconfig` / `kube.kubeconfig` when given; with `kube.cluster: kubeconfig`, `KUBECONFIG` or `~/.kube/config`;
 * otherwise (`kube.cluster: simulated`, the default) the kubeconfig `opspilot sim serve` wrote into the data
 * directory. `--context` and `-n` apply in every case.
 */
export function openGateway(
  config: OpspilotConfig,
  io: { cwd: string; env: Record<string, string | undefined> },
): KubeClusterGateway {
  const { kubeconfig, context, namespace, cluster } = config.kube;
  let file = kubeconfig ? resolve(io.cwd, kubeconfig) : undefined;
  if (!file && cluster === 'simulated') {
    file = resolve(io.cwd, config.data_dir, SIM_KUBECONFIG);
    if (!existsSync(file)) {
      throw new InputError(`no simulated cluster is running (no ${file})`, {
        hint: 'start one with `opspilot sim serve --scenario demo` in another terminal, or pass --kubeconfig FILE (or set kube.cluster: kubeconfig to use KUBECONFIG / ~/.kube/config)',
      });
    }
  }
  return createClusterGateway({ kubeconfig: file, context, namespace, env: io.env });
}
