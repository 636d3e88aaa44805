import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { OpspilotConfig } from '@opspilot/config';
import { type ClusterGateway, durationToMs, InputError } from '@opspilot/core';
import {
  attachUsage,
  type ClusterCostInput,
  COST_SNAPSHOT_KINDS,
  type CostWindow,
  inventoryFromSnapshot,
  PriceModel,
  parsePricingFile,
  type UsageGap,
} from '@opspilot/cost';
import { localMetrics } from './metricsLocal.js';

/** The id the CLI reports for the one cluster it talks to. */
export const LOCAL_CLUSTER_ID = '00000000-0000-4000-8000-000000000000';

/** The price model of `--pricing FILE` (or `OPSPILOT_COST_PRICING_FILE`), else the built-in defaults. */
export function cliPrices(
  file: string | undefined,
  io: { cwd: string; env: Record<string, string | undefined> },
): PriceModel {
  const path = file ?? io.env.OPSPILOT_COST_PRICING_FILE;
  if (!path) return new PriceModel();
  return new PriceModel(parsePricingFile(readFileSync(resolve(io.cwd, path), 'utf8'), path));
}

/** A window of `since` at `step`, ending at the last whole step before now. */
export function cliWindow(since: string, step: string): CostWindow {
  const stepMs = durationToMs(step as never);
  const steps = Math.round(durationToMs(since as never) / stepMs);
  if (steps < 1 || steps > 5_000) {
    throw new InputError(`--since ${since} at --step ${step} is ${steps} steps, outside 1 to 5000`, {
      hint: 'choose a longer --step or a shorter --since (e.g. --since 30d --step 1h)',
    });
  }
  const stepSeconds = stepMs / 1000;
  const end = Math.floor(Date.now() / 1000 / stepSeconds) * stepSeconds;
  return { start: end - (steps - 1) * stepSeconds, stepSeconds, steps };
}

/**
 * The cluster's cost inventory as the CLI sees it: its objects now, and its containers' usage over the window from
 * `prometheus.url`, or — without a Prometheus — the pods' usage now (one sample of metrics.k8s.io), charged over the
 * whole window.
 */
export async function localCostInput(
  config: OpspilotConfig,
  io: { cwd: string; env: Record<string, string | undefined> },
  gateway: ClusterGateway & { config: { cluster: string } },
  window: CostWindow,
): Promise<{ input: ClusterCostInput; gaps: UsageGap[]; source: string }> {
  const snapshot = await gateway.snapshot({ kinds: [...COST_SNAPSHOT_KINDS] });
  const input = inventoryFromSnapshot(snapshot, { id: LOCAL_CLUSTER_ID, name: gateway.config.cluster }, window);
  if (config.prometheus.url) {
    const gaps = await attachUsage(input, await localMetrics(config, io));
    return { input, gaps, source: `prometheus ${config.prometheus.url}` };
  }
  const usage = await gateway.podMetrics().catch(() => []);
  const byPod = new Map(usage.map((u) => [`${u.ref.namespace}/${u.ref.name}`, u]));
  for (const pod of input.pods) {
    const u = byPod.get(`${pod.namespace}/${pod.name}`);
    if (!u || pod.containers.length !== 1) continue;
    pod.containers[0]!.cpuUsage = new Float64Array(window.steps).fill(u.cpuMillicores / 1000);
    pod.containers[0]!.memoryUsage = new Float64Array(window.steps).fill(u.memoryBytes);
  }
  return { input, gaps: [], source: 'metrics.k8s.io (usage now; set prometheus.url for history)' };
}
