import type { InputError, Result } from '@opspilot/core';
import { ok } from '@opspilot/core';
import { type DetectedProject, detectProject } from '../../detect/detectProject.js';
import type { ProjectFile, ProjectFiles } from '../../detect/projectFiles.js';
import { generateDockerfiles } from '../dockerfile/generateDockerfiles.js';
import type { GeneratedFile } from '../generatedFile.js';
import { generateHelmChart } from '../helm/generateHelmChart.js';
import { generateK8sManifests } from './generateK8sManifests.js';

/** What `generate <target> --from DIR` produces. */
export type ProjectTarget = 'dockerfile' | 'k8s' | 'helm-chart';

/** Options of {@link generateFromProject}. */
export interface ProjectGenerationOptions {
  /** Project name (chart name, name prefix); default the root package name or `app`. */
  name?: string;
  /** Image repository prefix; default the project name. */
  registry?: string;
  /** Host of the Ingress; default `<project>.local`. */
  host?: string;
  /** Namespace written into plain manifests (Helm charts take the release namespace). */
  namespace?: string;
}

/** The detected project and the files generated for it. */
export interface ProjectGeneration {
  target: ProjectTarget;
  project: DetectedProject;
  files: GeneratedFile[];
}

/**
 * Detects the apps of a project held in memory and generates, for `dockerfile`, a Dockerfile and .dockerignore
 * per app; for `k8s`, plain manifests; for `helm-chart`, one chart with every app. No I/O: the caller reads the
 * folder and writes the files. InputError when no app is found.
 * @example
 * const r = generateFromProject('helm-chart', files, { name: 'todo' });
 * if (r.ok) for (const f of r.value.files) write(f.path, f.content);
 */
export function generateFromProject(
  target: ProjectTarget,
  files: ProjectFiles | readonly ProjectFile[],
  options: ProjectGenerationOptions = {},
): Result<ProjectGeneration, InputError> {
  const detected = detectProject(files, { name: options.name });
  if (!detected.ok) return detected;
  const project = detected.value;
  const generated =
    target === 'dockerfile'
      ? generateDockerfiles(project)
      : target === 'k8s'
        ? generateK8sManifests(project, options)
        : generateHelmChart(project, options);
  return ok({ target, project, files: generated });
}
