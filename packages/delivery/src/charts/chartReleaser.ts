import type { ChartFile, KubeObject, OpspilotError, Result } from '@opspilot/core';

/** What to install or upgrade: a chart's files as a release in a namespace, with values over its `values.yaml`. */
export interface ChartReleaseRequest {
  release: string;
  namespace: string;
  chart: ChartFile[];
  values: Record<string, unknown>;
  /** Longest the release may take to become ready (helm `--timeout`). */
  timeoutSeconds: number;
}

/** What one helm run that changes a release reported: `ok` false when it failed (the message says why). */
export interface HelmOutcome {
  ok: boolean;
  /** The release's revision after the run, when helm reported one. */
  revision?: number;
  message: string;
}

/** One revision of a release, as `helm history -o json` lists it. */
export interface HelmRevision {
  revision: number;
  status: string;
  chart: string;
  app_version: string;
  description: string;
  updated: string;
}

/**
 * The port through which the delivery engine installs, upgrades and rolls back charts; `@opspilot/helm`'s
 * `createHelmReleaser` implements it with the real helm binary. Failures of helm itself (a chart that does not become
 * ready) are values in {@link HelmOutcome}; a missing binary or an unreachable cluster is an error.
 * @see https://helm.sh/docs/helm/helm_upgrade/
 */
export interface ChartReleaser {
  /** `helm template --namespace`: the objects the release would hold. */
  render(request: ChartReleaseRequest): Promise<Result<KubeObject[], OpspilotError>>;
  /** `helm upgrade --install --dry-run=server`: the API server validates every object; an error says why not. */
  serverDryRun(request: ChartReleaseRequest): Promise<Result<void, OpspilotError>>;
  /** `helm upgrade --install` rolling back on failure, waiting for readiness up to the timeout. */
  upgradeInstall(request: ChartReleaseRequest): Promise<Result<HelmOutcome, OpspilotError>>;
  /** `helm rollback` to `revision` (the one before the current when missing), waiting for readiness. */
  rollback(
    release: string,
    namespace: string,
    revision: number | undefined,
    timeoutSeconds: number,
  ): Promise<Result<HelmOutcome, OpspilotError>>;
  /** `helm history`: oldest first; empty when the release does not exist. */
  history(release: string, namespace: string): Promise<Result<HelmRevision[], OpspilotError>>;
}
