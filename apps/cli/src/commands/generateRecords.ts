import type { GenerationRecords } from '@opspilot/manifests';
import type { Filter, Store } from '@opspilot/store';

/** The ids of the seed-001 records stored for one generation (`records` in `generate -o json`). */
export interface StoredRecords {
  /** 1 the first time these records are generated, one more each time they are generated again. */
  revision: number;
  docker_images: string[];
  helm_chart?: string;
  kubernetes_resources: string[];
}

const PAGE = 100;

/** The highest revision stored under `filter` (0 when none). */
async function highestRevision(
  repository: {
    list(
      filter: Filter,
      page: { page: number; page_size: number },
    ): Promise<{ items: { revision: number }[]; total_pages: number }>;
  },
  filter: Filter,
): Promise<number> {
  let highest = 0;
  for (let page = 1; ; page++) {
    const found = await repository.list(filter, { page, page_size: PAGE });
    for (const item of found.items) highest = Math.max(highest, item.revision);
    if (page >= found.total_pages) return highest;
  }
}

/**
 * The revision a generation gets: one more than the highest revision of any record it would store again — the same
 * image name and tag, chart name and version, or resource kind, name and namespace — so generating a project again
 * adds revision 2, 3, … beside the earlier ones instead of failing on their names.
 */
export async function nextRevision(store: Store, records: GenerationRecords): Promise<number> {
  const revisions = await Promise.all([
    ...records.dockerImages.map((i) => highestRevision(store.dockerImages, { name: i.name, tag: i.tag })),
    ...(records.helmChart
      ? [highestRevision(store.helmCharts, { name: records.helmChart.name, version: records.helmChart.version })]
      : []),
    ...records.kubernetesResources.map((r) =>
      highestRevision(store.kubernetesResources, { kind: r.kind, name: r.name, namespace: r.namespace }),
    ),
  ]);
  return Math.max(0, ...revisions) + 1;
}

/**
 * Stores the seed-001 records of a generation as revision `revision`, in one transaction: the Docker Images, the Helm
 * Chart, and the Kubernetes Resources (linked to the chart when there is one). Earlier revisions stay as they are.
 */
export async function generateRecords(
  store: Store,
  records: GenerationRecords,
  revision: number,
): Promise<StoredRecords> {
  return store.transaction(async (tx) => {
    const images = [];
    for (const image of records.dockerImages) images.push((await tx.dockerImages.create({ ...image, revision })).id);
    const chart = records.helmChart ? await tx.helmCharts.create({ ...records.helmChart, revision }) : undefined;
    const resources = [];
    for (const resource of records.kubernetesResources) {
      resources.push((await tx.kubernetesResources.create({ ...resource, revision, helm_chart_id: chart?.id })).id);
    }
    return {
      revision,
      docker_images: images,
      ...(chart ? { helm_chart: chart.id } : {}),
      kubernetes_resources: resources,
    };
  });
}
