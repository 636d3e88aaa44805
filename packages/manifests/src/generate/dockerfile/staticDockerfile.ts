import type { DetectedApp } from '../../detect/detectedApp.js';
import { atLeast, BASE_IMAGES } from './baseImages.js';
import { footer, header, wgetProbe } from './dockerfileParts.js';
import { installStep } from './nodeDockerfile.js';
import { workspaceBuildStage } from './nodeWorkspaceDockerfile.js';

/** The stage that builds a Vite / Create React App / Next.js export front end with Node into `/site`. */
function buildStage(app: DetectedApp): string[] {
  const args = (app.facts.buildArgs ?? '').split(',').filter(Boolean);
  if (app.facts.workspace !== undefined) {
    // An app of a workspace: built from the workspace root, its output moved out of its folder.
    return [...workspaceBuildStage(app, true, args), `RUN mv ${app.facts.workspace}/${app.facts.out ?? 'dist'} /site`];
  }
  const image = atLeast(BASE_IMAGES.node, app.runtimeVersion, (v) => `node:${v}-alpine`);
  const pm = installStep(app);
  const run = app.packageManager === 'npm' ? 'npm run build' : `corepack enable && ${app.packageManager} build`;
  return [
    `FROM ${image} AS build`,
    'WORKDIR /app',
    `COPY ${pm.files} ./`,
    `RUN ${pm.all}`,
    'COPY . .',
    ...args.map((a) => `ARG ${a}`),
    `RUN ${run} && mv ${app.facts.out ?? 'dist'} /site`,
  ];
}

/**
 * A multi-stage Dockerfile for a static site: a front end with a build (Vite, Create React App, Next.js export) is
 * built with the pinned Node image, its `VITE_*` / `REACT_APP_*` / `NEXT_PUBLIC_*` variables as build arguments; a
 * plain site's files are gathered in a pinned BusyBox stage (build files removed). Pinned unprivileged nginx serves
 * the output on 8080 as uid 10001 with a wget HEALTHCHECK.
 * @see https://hub.docker.com/r/nginxinc/nginx-unprivileged
 */
export function staticDockerfile(app: DetectedApp): string {
  const root = app.facts.root === 'public' ? 'public' : '.';
  const stage =
    app.facts.build === 'true'
      ? buildStage(app)
      : [
          `FROM ${BASE_IMAGES.busybox} AS build`,
          'WORKDIR /site',
          `COPY ${root} ./`,
          'RUN rm -f Dockerfile .dockerignore',
        ];
  const lines = [
    header(app),
    '',
    ...stage,
    '',
    `FROM ${BASE_IMAGES.nginx} AS runtime`,
    'COPY --from=build /site /usr/share/nginx/html',
    footer(app, wgetProbe(app)),
  ];
  return `${lines.join('\n')}\n`;
}
