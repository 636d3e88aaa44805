import { type CiRun, ConflictError, type EventBus, type NewCiRun } from '@opspilot/core';
import type { DeliveryRecords } from './deliveryRecords.js';
import { mergeRun } from './mergeRun.js';

/** What {@link recordRun} did. */
export interface RecordedRun {
  run: CiRun;
  created: boolean;
  /** Set when the delivery was the other kind of a stored run's check suite (a `check_suite` for a `workflow_run`). */
  merged_kind?: NewCiRun['kind'];
}

async function storedRunOf(records: Pick<DeliveryRecords, 'ciRuns'>, incoming: NewCiRun): Promise<CiRun | undefined> {
  const [byKey] = (await records.ciRuns.list({ run_key: incoming.run_key }, { page_size: 1 })).items;
  if (byKey || !incoming.suite_key) return byKey;
  return (await records.ciRuns.list({ suite_key: incoming.suite_key }, { page_size: 1 })).items[0];
}

/**
 * Creates the run a webhook describes, or updates the stored run it belongs to: the one with the same `run_key`, else
 * the one of the same GitHub check suite (`suite_key`), so a `workflow_run` and a `check_suite` delivery of one run are
 * one run in either order (see {@link mergeRun}). Deliveries can arrive out of order: a late "in progress" does not undo
 * a finished run of the same attempt (same or earlier start), while a re-run (a later start) does. A delivery that
 * loses a race to create the run (the store's unique keys) is folded into the winner. Publishes
 * `PIPELINE_RUN_RECORDED`.
 */
export async function recordRun(
  deps: { records: Pick<DeliveryRecords, 'ciRuns'>; events?: EventBus; now: () => Date },
  incoming: NewCiRun,
): Promise<RecordedRun> {
  let existing = await storedRunOf(deps.records, incoming);
  let run: CiRun | undefined;
  if (!existing) {
    try {
      run = await deps.records.ciRuns.create(incoming);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      existing = await storedRunOf(deps.records, incoming);
      if (!existing) throw error;
    }
  }
  let merged: NewCiRun['kind'] | undefined;
  if (existing) {
    const patch = mergeRun(existing, incoming);
    if (patch.suite_key && patch.suite_key !== existing.suite_key) {
      // A run stored before 0030 may share its suite with another stored run: keep both rather than fail.
      const [holder] = (await deps.records.ciRuns.list({ suite_key: patch.suite_key }, { page_size: 1 })).items;
      if (holder && holder.id !== existing.id) delete patch.suite_key;
    }
    run = await deps.records.ciRuns.update(existing.id, patch);
    if (existing.kind !== incoming.kind) merged = incoming.kind;
  }
  const stored = run as CiRun;
  await deps.events
    ?.publish({
      event_type: 'PIPELINE_RUN_RECORDED',
      timestamp: deps.now().toISOString(),
      payload: {
        run_id: stored.id,
        provider: stored.provider,
        kind: stored.kind,
        status: stored.status,
        pipeline: stored.pipeline,
        repository: stored.repository,
        ...(stored.commit_sha ? { commit_sha: stored.commit_sha } : {}),
        ...(merged ? { merged_kind: merged } : {}),
      },
    })
    .catch(() => undefined);
  return { run: stored, created: !existing, ...(merged ? { merged_kind: merged } : {}) };
}
