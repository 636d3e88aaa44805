import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type GeneratedConfig, InputError, systemClock } from '@opspilot/core';
import {
  applyChartRelease,
  approveChartRelease,
  type ChartReleaseDeps,
  chartOfConfigs,
  proposeChartRelease,
} from '@opspilot/delivery';
import { createHelmReleaser } from '@opspilot/helm';
import { diffObjects, type KubeClusterGateway } from '@opspilot/kube';
import type { Store } from '@opspilot/store';
import { parse } from 'yaml';
import { z } from 'zod';
import { transitionAudited } from './reviewWorkflow.js';

/** What `review apply` of a chart prints (the same fields as for manifests). */
export interface ChartApplyResult {
  config_id: string;
  state: GeneratedConfig['state'];
  operation_id: string;
  operation_state: string;
  diff: string;
  result: string;
  problems: string[];
}

/** Options of `review apply` that only a chart uses. */
export const ChartApplyOptions = z.object({
  release: z
    .string()
    .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'a release name is a DNS label')
    .max(53)
    .optional(),
  values: z.string().min(1).optional(),
  timeout: z.coerce.number().int().min(1).max(3600).default(300),
});

/** The chart release dependencies over a cluster gateway: the real helm binary with the gateway's kubeconfig. */
export function chartDeps(
  store: Store,
  gateway: KubeClusterGateway,
  env: Record<string, string | undefined>,
  clusterId?: string,
): ChartReleaseDeps {
  return {
    releaser: createHelmReleaser({ kubeconfig: gateway.config.kubeConfig.exportConfig(), env }),
    gateway,
    operations: store.operations,
    audit: store.audit,
    clock: systemClock,
    diff: diffObjects,
    ...(clusterId ? { clusterId } : {}),
  };
}

function readValues(cwd: string, path: string | undefined): Record<string, unknown> {
  if (!path) return {};
  const parsed = z.record(z.string(), z.unknown()).safeParse(parse(readFileSync(resolve(cwd, path), 'utf8')) ?? {});
  if (!parsed.success) throw new InputError(`${path} is not a YAML mapping of values`, { hint: 'e.g. replicas: 3' });
  return parsed.data;
}

/**
 * `review apply` of an APPROVED chart file: the whole chart (every file generated with it, all approved) is
 * proposed as a release (dry-run and diff), approved by the acting user — the reviews are the approval — installed
 * or upgraded with helm, verified, and rolled back when it does not become ready. On success every file of the
 * chart becomes APPLIED.
 */
export async function reviewApplyChart(
  store: Store,
  generated: GeneratedConfig,
  deps: ChartReleaseDeps,
  input: { user: string; namespace: string; cwd: string; options: z.infer<typeof ChartApplyOptions> },
): Promise<ChartApplyResult> {
  const siblings = generated.ai_command_id
    ? (await store.generatedConfigs.list({ ai_command_id: generated.ai_command_id }, { page_size: 100 })).items
    : [];
  const chart = chartOfConfigs(generated, siblings);
  const proposed = await proposeChartRelease(deps, {
    chart: chart.files,
    chartName: chart.chartName,
    release: input.options.release ?? chart.chartName,
    namespace: input.namespace,
    values: readValues(input.cwd, input.options.values),
    timeoutSeconds: input.options.timeout,
    configIds: chart.configs.map((c) => c.id),
    user: input.user,
  });
  let operation = proposed;
  if (operation.state === 'NEEDS_REVIEW') {
    await approveChartRelease(deps, operation.id, input.user);
    operation = await applyChartRelease(deps, operation.id, chart.files, input.user);
  }
  let state = generated.state;
  if (operation.state === 'APPLIED') {
    for (const c of chart.configs) {
      const moved = await transitionAudited(store, c.id, 'APPLIED', {
        user: input.user,
        prompt: operation.request,
        notes: `operation ${operation.id}`,
      });
      if (c.id === generated.id) state = moved.state;
    }
  }
  return {
    config_id: generated.id,
    state,
    operation_id: operation.id,
    operation_state: operation.state,
    diff: operation.diff,
    result: operation.result,
    problems: operation.problems,
  };
}
