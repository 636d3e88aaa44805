import type { CiRun, ClusterGateway, DeploymentRecord, EventBus } from '@opspilot/core';
import { type DeliveryRecords, listAll } from './deliveryRecords.js';
import { DEPLOYED_KINDS, type WorkloadImages, workloadImagesOf } from './workloadImages.js';

/** What {@link recordDeployments} needs: the cluster, the records, the time, and where to announce deployments. */
export interface DeploymentObserverDeps {
  gateway: Pick<ClusterGateway, 'list'>;
  records: Pick<DeliveryRecords, 'ciRuns' | 'deploymentRecords'>;
  clusterId: string;
  now: () => Date;
  events?: EventBus;
}

const imagesKey = (images: readonly string[]) => [...images].sort().join(' ');

/** Prefers a finished successful run, then the newest: the run whose artefact was most likely deployed. */
function bestRun(runs: readonly CiRun[]): CiRun | undefined {
  const ordered = [...runs].sort((a, b) => b.created_at.localeCompare(a.created_at));
  return (
    ordered.find((r) => r.status === 'SUCCEEDED' && r.kind !== 'JOB') ??
    ordered.find((r) => r.kind !== 'JOB') ??
    ordered[0]
  );
}

/**
 * The CI run that built what a workload runs: by commit (annotation or image tag, a prefix of the run's commit), else
 * by release tag (a run whose ref is the image tag or `v` + the tag, e.g. a tag pipeline for `1.4.2`).
 */
export async function linkRun(
  records: Pick<DeliveryRecords, 'ciRuns'>,
  w: Pick<WorkloadImages, 'commit' | 'imageTag'>,
): Promise<{ run: CiRun; link: 'commit' | 'tag' } | undefined> {
  if (w.commit) {
    const runs = await listAll(records.ciRuns, { commit_sha: { gte: w.commit, lt: `${w.commit}g` } }, 200);
    const run = bestRun(runs);
    if (run) return { run, link: 'commit' };
  }
  if (w.imageTag && w.imageTag !== 'latest') {
    for (const ref of [w.imageTag, `v${w.imageTag}`]) {
      const run = bestRun(await listAll(records.ciRuns, { ref }, 200));
      if (run) return { run, link: 'tag' };
    }
  }
  return undefined;
}

/**
 * Looks at the cluster's Deployments, StatefulSets and DaemonSets and records a deployment for every workload whose
 * images differ from the last recorded ones (the first sighting of a workload counts too), linked to the CI run that
 * built it. A deployment whose images equal an earlier deployment's (not the last one) is a roll back. Publishes
 * `DEPLOYMENT_RECORDED` for each; returns the new records.
 */
export async function recordDeployments(
  deps: DeploymentObserverDeps,
  options: { namespace?: string } = {},
): Promise<DeploymentRecord[]> {
  const objects = [];
  for (const kind of DEPLOYED_KINDS) {
    objects.push(...(await deps.gateway.list(kind, options.namespace ? { namespace: options.namespace } : {})));
  }
  const created: DeploymentRecord[] = [];
  for (const w of workloadImagesOf(objects)) {
    const history = await listAll(
      deps.records.deploymentRecords,
      { cluster_id: deps.clusterId, namespace: w.namespace, workload: w.name, workload_kind: w.kind },
      500,
    );
    const key = imagesKey(w.images);
    const [latest, ...earlier] = history;
    if (latest && imagesKey(latest.images) === key) continue;
    const linked = await linkRun(deps.records, w);
    const commit = w.commit && linked?.run.commit_sha?.startsWith(w.commit) ? linked.run.commit_sha : w.commit;
    const record = await deps.records.deploymentRecords.create({
      cluster_id: deps.clusterId,
      namespace: w.namespace,
      workload_kind: w.kind,
      workload: w.name,
      service: w.service,
      images: w.images,
      ...(w.imageTag ? { image_tag: w.imageTag.slice(0, 128) } : {}),
      ...((commit ?? linked?.run.commit_sha) ? { commit_sha: commit ?? linked?.run.commit_sha } : {}),
      ...(w.chart ? { chart: w.chart } : {}),
      ...(w.revision ? { revision: w.revision } : {}),
      rollback: earlier.some((e) => imagesKey(e.images) === key),
      ...(linked ? { run_id: linked.run.id, link: linked.link } : {}),
      deployed_at: deps.now().toISOString(),
    });
    created.push(record);
    await deps.events
      ?.publish({
        event_type: 'DEPLOYMENT_RECORDED',
        cluster_id: deps.clusterId,
        namespace: record.namespace,
        timestamp: record.deployed_at,
        payload: {
          deployment_id: record.id,
          service: record.service,
          workload: `${record.workload_kind}/${record.workload}`,
          images: record.images,
          rollback: record.rollback,
          ...(record.run_id ? { run_id: record.run_id } : {}),
          ...(record.commit_sha ? { commit_sha: record.commit_sha } : {}),
        },
      })
      .catch(() => undefined);
  }
  return created;
}
