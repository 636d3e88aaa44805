import type { DetectedApp } from '../../detect/detectedApp.js';
import { atLeast, BASE_IMAGES } from './baseImages.js';
import { addUser, footer, header, healthUrl } from './dockerfileParts.js';

const INSTALL: Record<string, (lock: boolean) => string> = {
  npm: (lock) => (lock ? 'npm ci' : 'npm install'),
  yarn: () => 'corepack enable && yarn install --frozen-lockfile',
  pnpm: () => 'corepack enable && pnpm install --frozen-lockfile',
};

/** The Node image of the app's release. */
export const nodeImage = (app: DetectedApp) => atLeast(BASE_IMAGES.node, app.runtimeVersion, (v) => `node:${v}-alpine`);

/**
 * The build stage of a workspace app, from the workspace root: every workspace installed from the root's lock
 * file, then the workspace packages the app depends on built first (dependencies first), then the app itself.
 */
export function workspaceBuildStage(app: DetectedApp, build: boolean, args: string[] = []): string[] {
  const pm = app.packageManager in INSTALL ? app.packageManager : 'npm';
  const run = (dir: string) => `(cd ${dir} && ${pm === 'npm' ? 'npm' : `corepack enable && ${pm}`} run build)`;
  const builds = [
    ...(app.facts.workspaceBuilds ?? '').split(',').filter(Boolean),
    ...(build ? [app.facts.workspace!] : []),
  ];
  return [
    `FROM ${nodeImage(app)} AS build`,
    'WORKDIR /repo',
    'ENV NEXT_TELEMETRY_DISABLED=1',
    'COPY . .',
    `RUN ${INSTALL[pm]!(app.facts.npmLock === 'true')}`,
    ...args.map((a) => `ARG ${a}`),
    ...(builds.length > 0 ? [`RUN ${builds.map(run).join(' && ')}`] : []),
  ];
}

/**
 * The start command inside the workspace: a tool run from `node_modules/.bin` is the root's when npm or yarn
 * hoist it; a Next.js app runs `next start` (a standalone server's path depends on the workspace's tracing root).
 */
function workspaceStart(app: DetectedApp): string[] {
  const bin = (name: string) =>
    app.packageManager === 'pnpm' ? `node_modules/.bin/${name}` : `/repo/node_modules/.bin/${name}`;
  if (app.framework === 'nextjs') return [bin('next'), 'start', '-p', String(app.port)];
  const [first, ...rest] = app.startCommand;
  return first?.startsWith('node_modules/.bin/')
    ? [bin(first.slice('node_modules/.bin/'.length)), ...rest]
    : app.startCommand;
}

/**
 * A Dockerfile for a Node app of an npm, yarn or pnpm workspace, built from the workspace root (`docker build -f
 * <app>/Dockerfile <root>`): the workspace is installed from the root's lock file, the workspace packages the app
 * uses are built before it, and the runtime stage holds the built workspace (its symlinked packages intact) and
 * starts the app from its folder, as uid 10001 with a `fetch` HEALTHCHECK.
 */
export function nodeWorkspaceDockerfile(app: DetectedApp): string {
  const start = { ...app, startCommand: workspaceStart(app) };
  const probe =
    app.protocol === 'grpc'
      ? undefined
      : [
          'node',
          '-e',
          `fetch('${healthUrl(app)}').then((r) => process.exit(r.ok ? 0 : 1)).catch(() => process.exit(1))`,
        ];
  const lines = [
    header(app),
    '',
    ...workspaceBuildStage(app, app.framework === 'nextjs' || app.facts.build === 'true'),
    '',
    `FROM ${nodeImage(app)} AS runtime`,
    'WORKDIR /repo',
    `ENV NODE_ENV=production PORT=${app.port} HOSTNAME=0.0.0.0${app.framework === 'nextjs' ? ' NEXT_TELEMETRY_DISABLED=1' : ''}`,
    addUser('alpine'),
    'COPY --from=build /repo ./',
    `WORKDIR /repo/${app.facts.workspace}`,
    footer(start, probe),
  ];
  return `${lines.join('\n')}\n`;
}
