import type { DetectedApp } from '../../detect/detectedApp.js';
import { BASE_IMAGES, goBuilderImage } from './baseImages.js';
import { footer, header } from './dockerfileParts.js';

/**
 * A multi-stage Dockerfile for a Go service: modules downloaded in their own layer, a static (CGO off, trimmed)
 * binary built on the pinned Go toolchain go.mod asks for (never an older one), and a distroless `static` runtime
 * (no shell, no package manager) holding only the binary (a module of a go.work workspace is built from the
 * workspace root, in its own folder) and the folders it reads, running as uid 10001. The
 * image has no client to probe with, so `HEALTHCHECK NONE`: Kubernetes' probes check it.
 * @see https://github.com/GoogleContainerTools/distroless
 */
export function goDockerfile(app: DetectedApp): string {
  const module = app.facts.module;
  // A module of a go.work workspace (or with `replace ../x`): the repository is the context, built in its folder.
  const fetch = module
    ? ['COPY . .', `WORKDIR /src/${module}`, 'RUN go mod download']
    : ['COPY go.mod go.sum* ./', 'RUN go mod download', 'COPY . .'];
  const lines = [
    header(app),
    '',
    `FROM ${goBuilderImage(app.runtimeVersion)} AS build`,
    'WORKDIR /src',
    ...fetch,
    `RUN CGO_ENABLED=0 GOOS=linux go build -trimpath -ldflags="-s -w" -o /out/server ${app.facts.mainPackage ?? '.'}`,
    '',
    `FROM ${BASE_IMAGES.distrolessStatic} AS runtime`,
    'WORKDIR /app',
    'COPY --from=build /out/server /app/server',
    // Folders the binary reads at run time (html/template files, static assets) that go:embed does not carry.
    ...(app.facts.assets ?? '')
      .split(',')
      .filter(Boolean)
      .map((d) => `COPY --from=build /src/${module ? `${module}/` : ''}${d} /app/${d}`),
    footer(app, undefined, { entrypoint: true }),
  ];
  return `${lines.join('\n')}\n`;
}
