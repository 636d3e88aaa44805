import { type CiRun, ConflictError, type EventBus, type NewCiRun } from '@opspilot/core';
import { type DeliveryRecords, listAll } from './deliveryRecords.js';
import { mergeRun } from './mergeRun.js';

/** What {@link recordRun} did. */
export interface RecordedRun {
  run: CiRun;
  created: boolean;
  /** Set when the delivery was the other kind of a stored run's check suite (a `check_suite` for a `workflow_run`). */
  merged_kind?: NewCiRun['kind'];
  /** The id of a check suite's run folded into this one and removed (see {@link recordRun}). */
  folded_run_id?: string;
}

async function storedRunOf(records: Pick<DeliveryRecords, 'ciRuns'>, incoming: NewCiRun): Promise<CiRun | undefined> {
  const [byKey] = (await records.ciRuns.list({ run_key: incoming.run_key }, { page_size: 1 })).items;
  if (byKey || !incoming.suite_key) return byKey;
  return (await records.ciRuns.list({ suite_key: incoming.suite_key }, { page_size: 1 })).items[0];
}

/**
 * Folds `holder` — a run stored from a `check_suite` delivery alone — into `into`, the `workflow_run`'s run that has
 * just learnt the suite is its own: a re-run attempt's new suite that arrived first, or a pair stored before migration
 * 0030. The holder's deployments and test reports move to `into`, the holder is removed, and the patch that takes its
 * status is returned. `undefined` (nothing changed) when the holder is not a check suite or the records cannot remove.
 */
async function foldSuiteRun(records: FoldRecords, into: CiRun, holder: CiRun): Promise<Partial<CiRun> | undefined> {
  if (holder.kind !== 'CHECK_SUITE' || !records.ciRuns.delete) return undefined;
  const { id: _i, created_at: _c, updated_at: _u, ...asDelivered } = holder;
  const patch = mergeRun(into, { ...asDelivered, suite_key: undefined });
  for (const d of records.deploymentRecords ? await listAll(records.deploymentRecords, { run_id: holder.id }) : []) {
    await records.deploymentRecords?.update(d.id, { run_id: into.id });
  }
  for (const r of records.testReports ? await listAll(records.testReports, { run_id: holder.id }) : []) {
    await records.testReports?.update(r.id, { run_id: into.id });
  }
  await records.ciRuns.delete(holder.id);
  return { ...patch, suite_key: holder.suite_key };
}

/** The records {@link recordRun} writes: runs, and (to fold a check suite's run into its workflow run) what links to them. */
type FoldRecords = Pick<DeliveryRecords, 'ciRuns'> &
  Partial<Pick<DeliveryRecords, 'deploymentRecords' | 'testReports'>>;

/**
 * Creates the run a webhook describes, or updates the stored run it belongs to: the one with the same `run_key`, else
 * the one of the same GitHub check suite (`suite_key`), so a `workflow_run` and a `check_suite` delivery of one run are
 * one run in either order (see {@link mergeRun}). Deliveries can arrive out of order: a late "in progress" does not undo
 * a finished run of the same attempt (same or earlier start), while a re-run (a later start) does. A delivery that
 * loses a race to create the run (the store's unique keys) is folded into the winner, and a run stored from a
 * `check_suite` alone whose `workflow_run` comes under another key (a re-run attempt's suite) is folded into that
 * run's row. Publishes `PIPELINE_RUN_RECORDED`.
 */
export async function recordRun(
  deps: { records: FoldRecords; events?: EventBus; now: () => Date },
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
  let foldedId: string | undefined;
  if (existing) {
    let patch = mergeRun(existing, incoming);
    if (patch.suite_key && patch.suite_key !== existing.suite_key) {
      const [holder] = (await deps.records.ciRuns.list({ suite_key: patch.suite_key }, { page_size: 1 })).items;
      if (holder && holder.id !== existing.id) {
        const folded = await foldSuiteRun(deps.records, { ...existing, ...patch } as CiRun, holder);
        if (folded) {
          patch = { ...patch, ...folded };
          foldedId = holder.id;
        } else delete patch.suite_key;
      }
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
        ...(foldedId ? { folded_run_id: foldedId } : {}),
      },
    })
    .catch(() => undefined);
  return {
    run: stored,
    created: !existing,
    ...(merged ? { merged_kind: merged } : {}),
    ...(foldedId ? { folded_run_id: foldedId } : {}),
  };
}
