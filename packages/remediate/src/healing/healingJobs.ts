import type { JobQueue } from '@opspilot/core';
import type { HealingPassReport } from './createHealingEngine.js';

/** The job that runs one healing pass for a cluster. */
export const HEALING_PASS_JOB = 'healing.pass';

/**
 * Registers the healing pass with the job queue and schedules it every `everyMs` per cluster: the job is exclusive,
 * so across every server process one pass runs at a time and one process acts (the queue's lease).
 */
export async function scheduleHealing(
  queue: JobQueue,
  runPass: (clusterId: string) => Promise<HealingPassReport>,
  options: { clusterIds: string[]; everyMs: number },
): Promise<void> {
  await queue.process<{ cluster_id: string }>(
    HEALING_PASS_JOB,
    async (job) => {
      await runPass(job.payload.cluster_id);
    },
    { exclusive: true },
  );
  for (const cluster_id of options.clusterIds) {
    await queue.schedule(HEALING_PASS_JOB, { cluster_id }, { everyMs: options.everyMs });
  }
}
