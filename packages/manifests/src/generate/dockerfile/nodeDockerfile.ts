import type { DetectedApp } from '../../detect/detectedApp.js';
import { atLeast, BASE_IMAGES } from './baseImages.js';
import { addUser, footer, header, healthUrl } from './dockerfileParts.js';
import { nodeWorkspaceDockerfile } from './nodeWorkspaceDockerfile.js';

const INSTALL: Record<string, { files: string; all: string; prod: string }> = {
  npm: { files: 'package.json package-lock.json', all: 'npm ci', prod: 'npm ci --omit=dev' },
  'npm-unlocked': { files: 'package.json', all: 'npm install', prod: 'npm install --omit=dev' },
  yarn: {
    files: 'package.json yarn.lock',
    all: 'corepack enable && yarn install --frozen-lockfile',
    prod: 'corepack enable && yarn install --frozen-lockfile --production',
  },
  pnpm: {
    files: 'package.json pnpm-lock.yaml',
    all: 'corepack enable && pnpm install --frozen-lockfile',
    prod: 'corepack enable && pnpm install --frozen-lockfile --prod',
  },
};

/** How the app's package manager installs its dependencies (from the lock file when there is one). */
export function installStep(app: DetectedApp): { files: string; all: string; prod: string } {
  const manager = app.packageManager === 'npm' && app.facts.npmLock !== 'true' ? 'npm-unlocked' : app.packageManager;
  return INSTALL[manager] ?? INSTALL.npm!;
}

function nodeProbe(app: DetectedApp): string[] | undefined {
  if (app.protocol === 'grpc') return undefined;
  return [
    'node',
    '-e',
    `fetch('${healthUrl(app)}').then((r) => process.exit(r.ok ? 0 : 1)).catch(() => process.exit(1))`,
  ];
}

function buildCommand(app: DetectedApp): string {
  // Nothing to prune for a standalone Next.js server, or when the start command runs a dev dependency (tsx).
  const standalone = (app.framework === 'nextjs' && app.facts.standalone === 'true') || app.facts.keepDev === 'true';
  if (app.packageManager === 'yarn') return 'corepack enable && yarn build';
  if (app.packageManager === 'pnpm') return `corepack enable && pnpm build${standalone ? '' : ' && pnpm prune --prod'}`;
  return `npm run build${standalone ? '' : ' && npm prune --omit=dev'}`;
}

/**
 * A multi-stage Dockerfile for a Node.js app: dependencies installed from the lock file in their own stage, the
 * build (Next.js `next build`, or the `build` script) in another, and a small runtime stage on the same pinned
 * Alpine Node image running as uid 10001 with a `fetch`-based HEALTHCHECK. Next.js apps with
 * `output: 'standalone'` ship only the standalone server and static assets. An app of a workspace is built from
 * the workspace root ({@link nodeWorkspaceDockerfile}).
 * @see https://nextjs.org/docs/app/api-reference/next-config-js/output
 */
export function nodeDockerfile(app: DetectedApp): string {
  if (app.facts.workspace !== undefined) return nodeWorkspaceDockerfile(app);
  const image = atLeast(BASE_IMAGES.node, app.runtimeVersion, (v) => `node:${v}-alpine`);
  const pm = installStep(app);
  const build = app.framework === 'nextjs' || app.facts.build === 'true';
  const stages = [
    header(app),
    '',
    `FROM ${image} AS deps`,
    'WORKDIR /app',
    `COPY ${pm.files} ./`,
    `RUN ${build || app.facts.keepDev === 'true' ? pm.all : pm.prod}`,
  ];
  if (build) {
    stages.push(
      '',
      `FROM ${image} AS build`,
      'WORKDIR /app',
      'ENV NEXT_TELEMETRY_DISABLED=1',
      'COPY --from=deps /app/node_modules ./node_modules',
      'COPY . .',
      `RUN ${buildCommand(app)}`,
    );
  }
  stages.push(
    '',
    `FROM ${image} AS runtime`,
    'WORKDIR /app',
    `ENV NODE_ENV=production PORT=${app.port} HOSTNAME=0.0.0.0${app.framework === 'nextjs' ? ' NEXT_TELEMETRY_DISABLED=1' : ''}`,
    addUser('alpine'),
  );
  if (app.framework === 'nextjs' && app.facts.standalone === 'true') {
    if (app.facts.hasPublic === 'true') stages.push('COPY --from=build /app/public ./public');
    stages.push('COPY --from=build /app/.next/standalone ./', 'COPY --from=build /app/.next/static ./.next/static');
  } else if (app.framework === 'nextjs') {
    stages.push(
      'COPY --from=build /app/package.json ./package.json',
      'COPY --from=build /app/node_modules ./node_modules',
      'COPY --from=build /app/.next ./.next',
      ...(app.facts.hasPublic === 'true' ? ['COPY --from=build /app/public ./public'] : []),
    );
  } else {
    stages.push(
      ...(build ? ['COPY --from=build /app ./'] : ['COPY --from=deps /app/node_modules ./node_modules', 'COPY . .']),
    );
  }
  stages.push(footer(app, nodeProbe(app)));
  return `${stages.join('\n')}\n`;
}
