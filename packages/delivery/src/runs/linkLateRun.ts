import type { CiRun, DeploymentRecord, EventBus } from '@opspilot/core';
import { type DeliveryRecords, listAll } from './deliveryRecords.js';

/** What {@link linkLateRun} changed: each deployment now linked to the run, with the run it was linked to before. */
export interface LateLink {
  deployment: DeploymentRecord;
  previous_run_id?: string;
}

/** How much a run is preferred as the one that built a deployment (the order {@link linkRun} picks in). */
const preference = (r: Pick<CiRun, 'status' | 'kind'>) => (r.kind === 'JOB' ? 0 : r.status === 'SUCCEEDED' ? 2 : 1);

/**
 * Links a run whose webhook arrived after the rollouts it built were recorded: every deployment whose commit is a prefix
 * of the run's commit (`link: commit`), or, for a run of a tag, whose image tag is the ref or the ref without its `v`
 * (`link: tag`), and that has no run yet — or a less likely one (a job, or a run that did not succeed, where this one
 * did; a tag link where this is a commit link). The deployment keeps its record (DORA counts it once) and gains the
 * run, so its lead time; its commit becomes the run's full commit. Publishes `DEPLOYMENT_LINKED` for each.
 */
export async function linkLateRun(
  deps: { records: Pick<DeliveryRecords, 'ciRuns' | 'deploymentRecords'>; events?: EventBus; now: () => Date },
  run: CiRun,
): Promise<LateLink[]> {
  if (run.kind === 'JOB') return [];
  const candidates: { d: DeploymentRecord; link: 'commit' | 'tag' }[] = [];
  if (run.commit_sha) {
    const short = run.commit_sha.slice(0, 7);
    const found = await listAll(deps.records.deploymentRecords, { commit_sha: { gte: short, lt: `${short}g` } }, 500);
    for (const d of found)
      if (d.commit_sha && run.commit_sha.startsWith(d.commit_sha)) candidates.push({ d, link: 'commit' });
  }
  if (run.tag && run.ref) {
    const tags = new Set([run.ref, run.ref.replace(/^v(?=\d)/, '')]);
    for (const tag of tags) {
      for (const d of await listAll(deps.records.deploymentRecords, { image_tag: tag }, 500)) {
        if (!candidates.some((c) => c.d.id === d.id)) candidates.push({ d, link: 'tag' });
      }
    }
  }
  const out: LateLink[] = [];
  for (const { d, link } of candidates) {
    if (d.run_id === run.id) continue;
    if (d.run_id) {
      const current = await deps.records.ciRuns.find(d.run_id);
      const better =
        !current ||
        (d.link === 'tag' && link === 'commit') ||
        (d.link === link && preference(run) > preference(current));
      if (!better) continue;
    }
    const commit = link === 'commit' || !d.commit_sha ? run.commit_sha : d.commit_sha;
    const updated = await deps.records.deploymentRecords.update(d.id, {
      run_id: run.id,
      link,
      ...(commit ? { commit_sha: commit } : {}),
    });
    out.push({ deployment: updated, ...(d.run_id ? { previous_run_id: d.run_id } : {}) });
    await deps.events
      ?.publish({
        event_type: 'DEPLOYMENT_LINKED',
        cluster_id: updated.cluster_id,
        namespace: updated.namespace,
        timestamp: deps.now().toISOString(),
        payload: {
          deployment_id: updated.id,
          run_id: run.id,
          link,
          service: updated.service,
          ...(updated.commit_sha ? { commit_sha: updated.commit_sha } : {}),
          ...(d.run_id ? { previous_run_id: d.run_id } : {}),
        },
      })
      .catch(() => undefined);
  }
  return out;
}
