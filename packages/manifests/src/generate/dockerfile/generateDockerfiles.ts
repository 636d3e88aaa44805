import type { DetectedApp } from '../../detect/detectedApp.js';
import type { DetectedProject } from '../../detect/detectProject.js';
import type { GeneratedFile } from '../generatedFile.js';
import { dockerignore } from './dockerignore.js';
import { dotnetDockerfile } from './dotnetDockerfile.js';
import { goDockerfile } from './goDockerfile.js';
import { javaDockerfile } from './javaDockerfile.js';
import { nodeDockerfile } from './nodeDockerfile.js';
import { pythonDockerfile } from './pythonDockerfile.js';
import { staticDockerfile } from './staticDockerfile.js';

const RECIPES = {
  node: nodeDockerfile,
  python: pythonDockerfile,
  go: goDockerfile,
  java: javaDockerfile,
  dotnet: dotnetDockerfile,
  static: staticDockerfile,
  container: (app: DetectedApp): string => {
    throw new Error(`${app.name} is built from its own ${app.facts.dockerfile}: nothing to generate`);
  },
} as const;

/** The Dockerfile of one detected app, by its stack. */
export function dockerfileFor(app: DetectedApp): string {
  return RECIPES[app.stack](app);
}

/**
 * A `Dockerfile` and `.dockerignore` in each app's folder: multi-stage, pinned base images, non-root user,
 * HEALTHCHECK on the detected health path. An app with its own Dockerfile keeps it: nothing is generated for it.
 */
export function generateDockerfiles(project: DetectedProject): GeneratedFile[] {
  return project.apps.flatMap((app) => {
    if (app.facts.dockerfile !== undefined) return [];
    const at = (name: string) => (app.path ? `${app.path}/${name}` : name);
    return [
      { path: at('Dockerfile'), content: dockerfileFor(app), resourceType: 'Dockerfile' },
      {
        // Built from another folder (a reactor or workspace root): BuildKit reads `<Dockerfile>.dockerignore`.
        path: at(app.facts.buildContext === undefined ? '.dockerignore' : 'Dockerfile.dockerignore'),
        content: dockerignore(app.stack),
        resourceType: 'DockerIgnore',
      },
    ];
  });
}
