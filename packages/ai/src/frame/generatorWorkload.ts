import type { KubeObject } from '@opspilot/core';

type Obj = Record<string, unknown>;

/** The kinds whose objects come from the generator's templates (`@opspilot/manifests`). */
export type GeneratedWorkloadKind = 'Deployment' | 'Job' | 'CronJob';

/** What the planner understood of a new workload: its identity, image and count or schedule. */
export interface WorkloadFields {
  name: string;
  namespace: string;
  image: string;
  replicas?: number;
  schedule?: string;
}

const API_VERSION: Record<GeneratedWorkloadKind, string> = {
  Deployment: 'apps/v1',
  Job: 'batch/v1',
  CronJob: 'batch/v1',
};

/**
 * A Deployment, Job or CronJob built by the generator of `@opspilot/manifests` (`manifestFromFields`: its rollout
 * strategy, revision history, retry, deadline and history defaults and its standard labels — the same objects
 * `opspilot generate` writes), with the pod template the planner read from the request put in it and the planner's
 * `app` label added, so Services and later requests select it as before. The generator is loaded on first use only
 * (creation requests), keeping other requests light. When the generator refuses the fields (an image without a tag,
 * say) the object is the bare shape with the same template, and `notes` says why.
 */
export async function generatorWorkload(
  kind: GeneratedWorkloadKind,
  fields: WorkloadFields,
  template: { metadata: { labels: Record<string, string> }; spec: Obj },
  notes: string[],
): Promise<KubeObject> {
  const { manifestFromFields } = await import('@opspilot/manifests');
  const generated = manifestFromFields(kind.toLowerCase() as 'deployment' | 'job' | 'cronjob', {
    name: fields.name,
    namespace: fields.namespace,
    image: fields.image,
    ...(kind === 'Deployment' && fields.replicas !== undefined ? { replicas: fields.replicas } : {}),
    ...(kind === 'CronJob' && fields.schedule ? { schedule: fields.schedule } : {}),
  });
  if (!generated.ok)
    notes.push(`${kind.toLowerCase()} ${fields.name} without the generator's defaults: ${generated.error.message}`);
  const base: Obj = generated.ok ? structuredClone(generated.value) : { apiVersion: API_VERSION[kind], kind };
  const labels = template.metadata.labels;
  const metadata = {
    ...((base.metadata as Obj | undefined) ?? {}),
    name: fields.name,
    namespace: fields.namespace,
    labels: { ...(((base.metadata as Obj | undefined)?.labels as Obj | undefined) ?? {}), ...labels },
  };
  const spec = (base.spec as Obj | undefined) ?? {};
  const podTemplate = (restartPolicy?: string) => ({
    metadata: { labels },
    spec: restartPolicy ? { ...template.spec, restartPolicy } : template.spec,
  });
  if (kind === 'Deployment') {
    spec.replicas = fields.replicas ?? 1;
    spec.selector = { matchLabels: labels };
    spec.template = podTemplate();
  } else if (kind === 'Job') {
    spec.backoffLimit ??= 3;
    spec.template = podTemplate('Never');
  } else {
    spec.schedule = fields.schedule;
    const jobTemplate = (spec.jobTemplate as Obj | undefined) ?? {};
    spec.jobTemplate = {
      ...jobTemplate,
      metadata: { labels },
      spec: { ...((jobTemplate.spec as Obj | undefined) ?? {}), template: podTemplate('OnFailure') },
    };
  }
  return { ...(base as KubeObject), metadata, spec } as KubeObject;
}
