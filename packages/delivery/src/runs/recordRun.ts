import type { CiRun, EventBus, NewCiRun, PipelineRunStatus } from '@opspilot/core';
import type { DeliveryRecords } from './deliveryRecords.js';

const FINAL: ReadonlySet<PipelineRunStatus> = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED']);

/** What {@link recordRun} did. */
export interface RecordedRun {
  run: CiRun;
  created: boolean;
}

/**
 * Creates the run a webhook describes, or updates the stored run with the same `run_key`. Deliveries can arrive out
 * of order: a late "in progress" does not undo a finished run of the same attempt (same or earlier start), while a
 * re-run (a later start) does. Stages are kept when the new delivery has none. Publishes `PIPELINE_RUN_RECORDED`.
 */
export async function recordRun(
  deps: { records: Pick<DeliveryRecords, 'ciRuns'>; events?: EventBus; now: () => Date },
  incoming: NewCiRun,
): Promise<RecordedRun> {
  const [existing] = (await deps.records.ciRuns.list({ run_key: incoming.run_key }, { page_size: 1 })).items;
  let run: CiRun;
  if (!existing) {
    run = await deps.records.ciRuns.create(incoming);
  } else {
    const stale =
      FINAL.has(existing.status) &&
      !FINAL.has(incoming.status) &&
      (incoming.started_at ?? '') <= (existing.started_at ?? '');
    const patch: Partial<CiRun> = stale
      ? { ...(incoming.commit_at && !existing.commit_at ? { commit_at: incoming.commit_at } : {}) }
      : ({
          ...incoming,
          stages: incoming.stages && incoming.stages.length > 0 ? incoming.stages : existing.stages,
          commit_at: incoming.commit_at ?? existing.commit_at,
          commit_message: incoming.commit_message ?? existing.commit_message,
        } as Partial<CiRun>);
    run = await deps.records.ciRuns.update(existing.id, patch);
  }
  await deps.events
    ?.publish({
      event_type: 'PIPELINE_RUN_RECORDED',
      timestamp: deps.now().toISOString(),
      payload: {
        run_id: run.id,
        provider: run.provider,
        kind: run.kind,
        status: run.status,
        pipeline: run.pipeline,
        repository: run.repository,
        ...(run.commit_sha ? { commit_sha: run.commit_sha } : {}),
      },
    })
    .catch(() => undefined);
  return { run, created: !existing };
}
