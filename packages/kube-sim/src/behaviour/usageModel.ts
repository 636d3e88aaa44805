import { type ImageProfile, lookupImage } from '../controllers/imageCatalog.js';
import { parseQuantity } from '../controllers/quantity.js';
import type { KubeObject } from '../store/kubeObject.js';
import type { AnomalySchedule } from './anomalySchedule.js';
import { dailyIntegral, dailyValue, usageProfileOf } from './usageProfile.js';

type Json = Record<string, unknown>;

/** Requests per second an application container that serves HTTP paths answers. */
export const BASELINE_REQUESTS_PER_SECOND = 5;

/** What one running container uses at a moment, and its totals since it started. */
export interface ContainerUsage {
  container: string;
  image: string;
  cpuMillicores: number;
  memoryBytes: number;
  /** Share of HTTP requests failing with 500 (0 to 1). */
  errorRatio: number;
  requestsPerSecond: number;
  /** Totals since the container started (counters). */
  cpuSecondsTotal: number;
  requestsTotal: number;
  errorsTotal: number;
}

const MI = 1024 * 1024;

/**
 * The resource use of a pod's running containers at `at`: the image catalogue's profile (steady, or growing for
 * images that declare a memory growth) or the pod's daily usage profile (`sim.opspilot.dev/usage`), changed by the
 * anomalies scheduled for the pod (CPU spikes held at the CPU limit, memory leaks growing per minute, error bursts).
 * Containers not running use nothing and are left out.
 */
export function podUsage(
  pod: KubeObject,
  at: Date,
  anomalies: AnomalySchedule,
  images: { lookup(image: string): ImageProfile | undefined } = { lookup: lookupImage },
): ContainerUsage[] {
  const statuses = (((pod.status as Json | undefined)?.containerStatuses as Json[] | undefined) ?? []).filter(
    (s) => (s.state as Json | undefined)?.running,
  );
  const specs = ((pod.spec as Json | undefined)?.containers as Json[] | undefined) ?? [];
  const active = anomalies.activeFor(pod, at);
  const daily = usageProfileOf(pod.metadata.annotations as Record<string, string> | undefined);
  return statuses.flatMap((status) => {
    const spec = specs.find((c) => c.name === status.name);
    const image = String(spec?.image ?? '');
    const profile = images.lookup(image);
    if (!spec || !profile) return [];
    const startedAt = new Date(String(((status.state as Json).running as Json).startedAt ?? at.toISOString()));
    const uptimeS = Math.max(0, (at.getTime() - startedAt.getTime()) / 1000);
    const limitMillicores = cpuLimitMillicores(spec);
    const nowS = at.getTime() / 1000;
    const startS = startedAt.getTime() / 1000;
    const baseCpu = daily ? dailyValue(daily.cpu, daily.peakHour, nowS) : profile.cpuMillicores;
    const baseMemoryMi = daily ? dailyValue(daily.memoryMi, daily.peakHour, nowS) : profile.memoryMi;
    const baseCpuSeconds = daily
      ? dailyIntegral(daily.cpu, daily.peakHour, Math.min(startS, nowS), nowS) / 1000
      : (profile.cpuMillicores / 1000) * uptimeS;
    const spiked = (magnitude: number) => Math.min(baseCpu * magnitude, limitMillicores);
    const spike = active.filter((a) => a.type === 'cpu-spike').reduce((m, a) => Math.max(m, a.magnitude), 1);
    const leakMi = active
      .filter((a) => a.type === 'memory-leak')
      .reduce((sum, a) => sum + (a.magnitude * a.elapsedMs) / 60_000, 0);
    const errorRatio = Math.min(
      1,
      active.filter((a) => a.type === 'error-burst').reduce((sum, a) => sum + a.magnitude, 0),
    );
    const rps = daily?.rps ?? (profile.serves.length > 0 ? BASELINE_REQUESTS_PER_SECOND : 0);
    const spikeExtra = anomalies
      .overlaps(pod, 'cpu-spike', startedAt, at)
      .reduce((s, o) => s + ((spiked(o.magnitude) - baseCpu) / 1000) * (o.ms / 1000), 0);
    const errorsTotal = anomalies
      .overlaps(pod, 'error-burst', startedAt, at)
      .reduce((s, o) => s + Math.min(1, o.magnitude) * rps * (o.ms / 1000), 0);
    return [
      {
        container: String(spec.name),
        image,
        cpuMillicores: spike > 1 ? spiked(spike) : baseCpu,
        memoryBytes: Math.round(
          (Math.min(
            baseMemoryMi + (profile.memoryGrowthMiPerMinute ?? 0) * (uptimeS / 60),
            profile.memoryCeilingMi ?? Number.POSITIVE_INFINITY,
          ) +
            leakMi) *
            MI,
        ),
        errorRatio,
        requestsPerSecond: rps,
        cpuSecondsTotal: baseCpuSeconds + spikeExtra,
        requestsTotal: Math.floor(rps * uptimeS),
        errorsTotal: Math.floor(errorsTotal),
      },
    ];
  });
}

function cpuLimitMillicores(container: Json): number {
  const limit = parseQuantity(((container.resources as Json | undefined)?.limits as Json | undefined)?.cpu);
  return limit === undefined ? Number.POSITIVE_INFINITY : limit * 1000;
}
