import { type ChartFile, type KubeObject, type Operation, type Plan, refOf } from '@opspilot/core';
import { audit, CHART_RELEASE_TOOL, type ChartReleaseDeps, type ChartReleaseDetails } from './chartReleaseDeps.js';
import type { ChartReleaseRequest } from './chartReleaser.js';
import { helmCommandOf } from './helmCommand.js';
import { redactSecret } from './redactSecret.js';

/** What to release: the chart files (paths relative to the chart root) and where. */
export interface ChartReleaseInput {
  chart: ChartFile[];
  chartName: string;
  release: string;
  namespace: string;
  values?: Record<string, unknown>;
  timeoutSeconds?: number;
  /** The generated configurations (chart files) this release installs. */
  configIds?: string[];
  user: string;
}

const CLUSTER_SCOPED = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'StorageClass', 'IngressClass']);

function namespaced(o: KubeObject, namespace: string): KubeObject {
  if (CLUSTER_SCOPED.has(o.kind) || o.metadata?.namespace) return o;
  return { ...o, metadata: { ...o.metadata, namespace } };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Proposes installing or upgrading a chart as an operation: `helm template` renders it, every object is dry-run
 * on the server (server-side apply with `dryRun=All`) and diffed against what is live, and `helm upgrade --install
 * --dry-run=server` checks the release as helm will make it. The operation is `NEEDS_REVIEW` with the diff, or
 * `INVALID` with the problems found (nothing was changed either way).
 * @see https://helm.sh/docs/helm/helm_template/
 */
export async function proposeChartRelease(deps: ChartReleaseDeps, input: ChartReleaseInput): Promise<Operation> {
  const request: ChartReleaseRequest = {
    release: input.release,
    namespace: input.namespace,
    chart: input.chart,
    values: input.values ?? {},
    timeoutSeconds: input.timeoutSeconds ?? 300,
  };
  const problems: string[] = [];
  const diffs: string[] = [];
  let objects: KubeObject[] = [];
  const rendered = await deps.releaser.render(request);
  if (!rendered.ok) problems.push(rendered.error.message);
  else objects = rendered.value.map((o) => namespaced(o, input.namespace));
  // helm creates a missing namespace (--create-namespace): every object in it is new and cannot be dry-run yet.
  const namespaceExists =
    rendered.ok && (await deps.gateway.get({ kind: 'Namespace', name: input.namespace })) !== undefined;
  for (const object of objects) {
    const ref = refOf(object);
    const shown = object.kind === 'Secret' ? redactSecret(object) : object;
    if (ref.namespace === input.namespace && !namespaceExists) {
      diffs.push(deps.diff(undefined, shown));
      continue;
    }
    try {
      const proposed = await deps.gateway.apply(object, { dryRun: true, force: true, fieldManager: 'helm' });
      const live = await deps.gateway.get(ref);
      const text =
        object.kind === 'Secret'
          ? deps.diff(live && redactSecret(live), redactSecret(proposed))
          : deps.diff(live, proposed);
      if (text) diffs.push(text);
    } catch (error) {
      problems.push(`${object.kind}/${object.metadata?.name}: ${message(error)}`);
    }
  }
  if (rendered.ok && problems.length === 0) {
    const dry = await deps.releaser.serverDryRun(request);
    if (!dry.ok) problems.push(`server dry-run: ${dry.error.message}`);
  }
  const now = deps.clock.now().toISOString();
  const command = helmCommandOf(request, input.chartName);
  const names = objects.map((o) => `${o.kind}/${o.metadata?.name}`);
  const plan: Plan = {
    request: `install chart ${input.chartName} as release ${input.release} in namespace ${input.namespace}`,
    summary: `helm upgrade --install ${input.release} (${names.length} object(s): ${names.join(', ') || 'none'})`,
    steps:
      objects.length > 0
        ? objects.map((o) => ({
            op: 'apply' as const,
            mode: 'create' as const,
            object: o.kind === 'Secret' ? redactSecret(o) : o,
            description: `apply ${o.kind}/${o.metadata?.name} through helm`,
          }))
        : [
            {
              op: 'apply',
              mode: 'create',
              object: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: input.namespace } },
              description: 'nothing rendered',
            },
          ],
    risk: 'write',
    riskReasons: [`installs or upgrades helm release ${input.release} in ${input.namespace}`],
    assumptions: [],
    rendered: { bash: command, powershell: command },
    planner: CHART_RELEASE_TOOL,
  };
  const details: ChartReleaseDetails = {
    kind: 'helm-release',
    release: input.release,
    namespace: input.namespace,
    chart_name: input.chartName,
    values: request.values,
    timeout_seconds: request.timeoutSeconds,
    config_ids: input.configIds ?? [],
  };
  const operation = await deps.operations.create({
    id: globalThis.crypto.randomUUID(),
    ...(deps.clusterId ? { cluster_id: deps.clusterId } : {}),
    request: plan.request,
    plan,
    risk: 'write',
    risk_reasons: plan.riskReasons,
    confirmations: [],
    diff: diffs.join(''),
    state: problems.length > 0 ? 'INVALID' : 'NEEDS_REVIEW',
    proposed_by: input.user,
    problems,
    steps: [],
    result: '',
    details: details as unknown as Record<string, unknown>,
    created_at: now,
    updated_at: now,
  });
  await audit(deps, operation, input.user, problems.length > 0 ? 'operation.invalid' : 'operation.proposed');
  return operation;
}
