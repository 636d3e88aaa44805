import type { InputError, Result } from '@opspilot/core';
import { ok } from '@opspilot/core';
import { type DetectedProject, detectProject } from '../../detect/detectProject.js';
import { type ProjectFile, type ProjectFiles, projectFilesOf } from '../../detect/projectFiles.js';
import { generateDockerfiles } from '../dockerfile/generateDockerfiles.js';
import type { GeneratedFile } from '../generatedFile.js';
import { generateHelmChart } from '../helm/generateHelmChart.js';
import { generateK8sManifests } from './generateK8sManifests.js';
import { selectServices } from './selectServices.js';

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
  /** The services to generate for, by name or folder; default every service found. */
  services?: readonly string[];
}

/** The detected project and the files generated for it. */
export interface ProjectGeneration {
  target: ProjectTarget;
  /** The project with the services generated for (all found, or those chosen). */
  project: DetectedProject;
  files: GeneratedFile[];
  /** The project's own Dockerfiles the services are built from (used, not generated): to validate, not to write. */
  existing: GeneratedFile[];
}

/**
 * Detects the apps of a project held in memory and generates, for `dockerfile`, a Dockerfile and .dockerignore
 * per app without one of its own; for `k8s`, plain manifests; for `helm-chart`, one chart with one Deployment and
 * Service per app — every app found, or those `services` names. No I/O: the caller reads the folder and writes the
 * files; the project's own Dockerfiles come back as `existing`, for validation. InputError when no app is found or
 * a service asked for is not one of them (the error lists those found).
 * @example
 * const r = generateFromProject('helm-chart', files, { name: 'todo' });
 * if (r.ok) for (const f of r.value.files) write(f.path, f.content);
 */
export function generateFromProject(
  target: ProjectTarget,
  files: ProjectFiles | readonly ProjectFile[],
  options: ProjectGenerationOptions = {},
): Result<ProjectGeneration, InputError> {
  const input = Array.isArray(files) ? projectFilesOf(files as ProjectFile[]) : (files as ProjectFiles);
  const detected = detectProject(input, { name: options.name });
  if (!detected.ok) return detected;
  const selected = selectServices(detected.value, options.services);
  if (!selected.ok) return selected;
  const project = selected.value;
  const existing = project.apps.flatMap((app) => {
    const path = app.facts.dockerfile;
    const content = path === undefined ? undefined : input.read(path);
    return content === undefined ? [] : [{ path: path!, content, resourceType: 'Dockerfile' }];
  });
  const generated =
    target === 'dockerfile'
      ? generateDockerfiles(project)
      : target === 'k8s'
        ? generateK8sManifests(project, options)
        : generateHelmChart(project, options);
  return ok({ target, project, files: generated, existing });
}
