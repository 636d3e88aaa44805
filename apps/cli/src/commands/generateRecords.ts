import type { GenerationRecords } from '@opspilot/manifests';
import type { Store } from '@opspilot/store';

/** The ids of the seed-001 records stored for one generation (`records` in `generate -o json`). */
export interface StoredRecords {
  docker_images: string[];
  helm_chart?: string;
  kubernetes_resources: string[];
}

/**
 * Stores the seed-001 records of a generation in one transaction: the Docker Images, the Helm Chart, and the
 * Kubernetes Resources (linked to the chart when there is one).
 */
export async function generateRecords(store: Store, records: GenerationRecords): Promise<StoredRecords> {
  return store.transaction(async (tx) => {
    const images = [];
    for (const image of records.dockerImages) images.push((await tx.dockerImages.create(image)).id);
    const chart = records.helmChart ? await tx.helmCharts.create(records.helmChart) : undefined;
    const resources = [];
    for (const resource of records.kubernetesResources) {
      resources.push((await tx.kubernetesResources.create({ ...resource, helm_chart_id: chart?.id })).id);
    }
    return { docker_images: images, ...(chart ? { helm_chart: chart.id } : {}), kubernetes_resources: resources };
  });
}
