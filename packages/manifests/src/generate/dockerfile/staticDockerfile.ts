import type { DetectedApp } from '../../detect/detectedApp.js';
import { BASE_IMAGES } from './baseImages.js';
import { footer, header, wgetProbe } from './dockerfileParts.js';

/**
 * A multi-stage Dockerfile for a static site: the files are gathered in a pinned BusyBox stage (build files
 * removed) and served by pinned unprivileged nginx on 8080, running as uid 10001 with a wget HEALTHCHECK.
 * @see https://hub.docker.com/r/nginxinc/nginx-unprivileged
 */
export function staticDockerfile(app: DetectedApp): string {
  const root = app.facts.root === 'public' ? 'public' : '.';
  const lines = [
    header(app),
    '',
    `FROM ${BASE_IMAGES.busybox} AS site`,
    'WORKDIR /site',
    `COPY ${root} ./`,
    'RUN rm -f Dockerfile .dockerignore',
    '',
    `FROM ${BASE_IMAGES.nginx} AS runtime`,
    'COPY --from=site /site /usr/share/nginx/html',
    footer(app, wgetProbe(app)),
  ];
  return `${lines.join('\n')}\n`;
}
