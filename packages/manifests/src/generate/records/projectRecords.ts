import type { NewDockerImage, NewHelmChart, NewKubernetesResource } from '@opspilot/core';
import { parseAllDocuments } from 'yaml';
import type { DetectedProject } from '../../detect/detectProject.js';
import { dockerfileFor } from '../dockerfile/generateDockerfiles.js';
import type { GeneratedFile } from '../generatedFile.js';
import { helmValues } from '../helm/helmValues.js';
import type { ProjectGenerationOptions, ProjectTarget } from '../project/generateFromProject.js';
import { generateK8sManifests } from '../project/generateK8sManifests.js';
import { kubernetesResourceOf } from './kubernetesResourceOf.js';

/** The seed-001 records of a generation: images, the chart, and the Kubernetes resources it creates. */
export interface GenerationRecords {
  dockerImages: NewDockerImage[];
  helmChart?: NewHelmChart;
  /** For a chart, the objects it renders with its default values (store them with the chart's id). */
  kubernetesResources: NewKubernetesResource[];
}

/** The Kubernetes resource records of generated YAML files (Dockerfiles and chart templates are skipped). */
export function resourcesOfFiles(files: readonly GeneratedFile[]): NewKubernetesResource[] {
  return files
    .filter((f) => f.path.endsWith('.yaml') && !f.path.includes('/templates/') && !f.path.endsWith('values.yaml'))
    .flatMap((f) => parseAllDocuments(f.content).map((d) => d.toJS() as Record<string, unknown> | null))
    .filter((o): o is Record<string, unknown> => !!o && typeof o.kind === 'string' && typeof o.apiVersion === 'string')
    .filter((o) => o.kind !== 'Chart')
    .map(kubernetesResourceOf);
}

function dockerImages(
  project: DetectedProject,
  options: ProjectGenerationOptions,
  existing: readonly GeneratedFile[],
): NewDockerImage[] {
  // A service built from its own Dockerfile is recorded from that file.
  const own = (path: string) => existing.find((f) => f.path === path)?.content;
  const built = project.apps.filter(
    (a) => a.facts.dockerfile === undefined || /^FROM\s/im.test(own(a.facts.dockerfile) ?? ''),
  );
  return built.map((app) => {
    const dockerfile = app.facts.dockerfile !== undefined ? own(app.facts.dockerfile)! : dockerfileFor(app);
    const froms = [...dockerfile.matchAll(/^FROM (\S+)/gm)].map((m) => m[1]!);
    const finalStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    return {
      name: `${options.registry ?? project.name}/${app.name}`,
      tag: app.version,
      base_image: froms.at(-1)!,
      dependencies: [],
      optimization: {
        layers: [...finalStage.matchAll(/^(RUN|COPY|ADD) /gm)].length,
        multi_stage: froms.length > 1,
        notes: [
          `${froms.length} stages; only the last (${froms.at(-1)}) ships`,
          'runs as uid 10001, not root',
          `HEALTHCHECK on http://127.0.0.1:${app.port}${app.healthPath ?? '/'}`,
        ],
      },
    };
  });
}

function helmChart(
  project: DetectedProject,
  files: readonly GeneratedFile[],
  options: ProjectGenerationOptions,
): NewHelmChart {
  const kinds: Record<string, string> = {
    'deployment.yaml': 'Deployment',
    'service.yaml': 'Service',
    'pdb.yaml': 'PodDisruptionBudget',
    'configmap.yaml': 'ConfigMap',
    'secret.yaml': 'Secret',
    'ingress.yaml': 'Ingress',
    'serviceaccount.yaml': 'ServiceAccount',
  };
  return {
    name: project.name,
    version: '0.1.0',
    app_version: project.apps[0]?.version ?? '0.1.0',
    values: helmValues(project, options),
    templates: files
      .map((f) => f.path.replace(/^charts\/[^/]+\//, ''))
      .filter((p) => p.startsWith('templates/') && kinds[p.slice('templates/'.length)])
      .map((path) => ({ path, kind: kinds[path.slice('templates/'.length)]! })),
    dependencies: [],
  };
}

/**
 * The seed-001 records of a project generation: for `dockerfile` one Docker Image per app (name, tag, base image,
 * optimisation notes); for `k8s` the Kubernetes Resources of the manifests; for `helm-chart` the Helm Chart (values,
 * templates) and the resources it renders with its default values.
 */
export function projectRecords(
  target: ProjectTarget,
  project: DetectedProject,
  files: readonly GeneratedFile[],
  options: ProjectGenerationOptions = {},
  existing: readonly GeneratedFile[] = [],
): GenerationRecords {
  if (target === 'dockerfile')
    return { dockerImages: dockerImages(project, options, existing), kubernetesResources: [] };
  if (target === 'k8s') return { dockerImages: [], kubernetesResources: resourcesOfFiles(files) };
  return {
    dockerImages: [],
    helmChart: helmChart(project, files, options),
    kubernetesResources: resourcesOfFiles(generateK8sManifests(project, { ...options, namespace: undefined })),
  };
}
