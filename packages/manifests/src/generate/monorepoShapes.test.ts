import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFixture } from '../detect/__fixtures__/readFixture.js';
import { validateFiles } from '../validate/validateFiles.js';
import { helmChartRenderer } from './__fixtures__/helmChartRenderer.js';
import { dryRun, lintAndRender, objectsOf, useSimCluster } from './__fixtures__/shapeHarness.js';
import { generateFromProject, type ProjectTarget } from './project/generateFromProject.js';

const MONOREPOS = join(import.meta.dirname, '__fixtures__', 'monorepos');

function generate(repo: string, target: ProjectTarget, services?: string[]) {
  const result = generateFromProject(target, readFixture(join(MONOREPOS, repo)), {
    name: repo,
    namespace: repo,
    services,
  });
  if (!result.ok) throw result.error;
  return result.value;
}

const dockerfileOf = (repo: string, path: string) =>
  generate(repo, 'dockerfile').files.find((f) => f.path === `${path}/Dockerfile`)!.content;
const cmdOf = (dockerfile: string) =>
  JSON.parse(
    dockerfile
      .trimEnd()
      .split('\n')
      .at(-1)!
      .replace(/^(CMD|ENTRYPOINT) /, ''),
  );

/** Each repository's deployable services: [name, folder, stack, port]; libraries and workspace roots are not. */
const SERVICES: Record<string, [string, string, string, number][]> = {
  'polyglot-shop': [
    ['admin', 'apps/admin', 'node', 3100],
    ['server', 'apps/server', 'node', 4000],
    ['web', 'apps/web', 'static', 8080],
    ['payments', 'services/payments', 'go', 8070],
    ['search', 'services/search', 'container', 7700],
  ],
  'maven-reactor': [
    ['notification-service', 'notification-service', 'java', 8082],
    ['order-service', 'order-service', 'java', 8081],
  ],
  'gradle-multi': [
    ['api', 'services/api', 'java', 7080],
    ['gateway', 'services/gateway', 'java', 8443],
  ],
};

describe('generate --from over monorepos', () => {
  const sim = useSimCluster();

  it.each(Object.entries(SERVICES))('%s: finds the deployable services, not the libraries', (repo, want) => {
    const { project } = generate(repo, 'k8s');
    expect(project.monorepo).toBe(true);
    expect(project.apps.map((a) => [a.name, a.path, a.stack, a.port])).toEqual(want);
  });

  it('pnpm workspace, go.work and compose: apps built from the root, own Dockerfiles kept and returned for validation', () => {
    const { project, files, existing } = generate('polyglot-shop', 'dockerfile');
    // The compose file's image services are named for the user; its built services are apps.
    expect(project.notes?.join()).toMatch(/postgres \(postgres:16\.4\), redis \(redis:7\.4-alpine\)/);
    expect(files.map((f) => f.path)).toEqual([
      'apps/server/Dockerfile',
      'apps/server/Dockerfile.dockerignore',
      'apps/web/Dockerfile',
      'apps/web/Dockerfile.dockerignore',
      'services/payments/Dockerfile',
      'services/payments/Dockerfile.dockerignore',
    ]);
    expect(existing.map((f) => f.path)).toEqual(['apps/admin/Dockerfile', 'services/search/Dockerfile']);
    const admin = project.apps.find((a) => a.name === 'admin')!;
    // The Dockerfile EXPOSEs 3100 where server.js listens on 3000 unless told: what the image runs wins, said so.
    expect(admin.notes?.join()).toContain('exposes port 3100 (the sources suggest 3000)');
    expect(project.apps.find((a) => a.name === 'search')!.env).toEqual(['SEARCH_INDEX_DIR']);

    const server = dockerfileOf('polyglot-shop', 'apps/server');
    expect(server).toContain('docker build -f apps/server/Dockerfile -t server:1.3.0 .');
    expect(server).toMatch(/^FROM node:22\.\d+\.\d+-alpine[\d.]+ AS build$/m);
    expect(server).toContain('RUN corepack enable && pnpm install --frozen-lockfile');
    // The workspace package it imports is built before it.
    expect(server).toContain(
      'RUN (cd packages/shared && corepack enable && pnpm run build) && (cd apps/server && corepack enable && pnpm run build)',
    );
    expect(server).toContain('WORKDIR /repo/apps/server');
    expect(cmdOf(server)).toEqual(['node', 'dist/main.js']);

    const web = dockerfileOf('polyglot-shop', 'apps/web');
    expect(web).toContain('ARG VITE_API_URL');
    expect(web).toContain('RUN mv apps/web/dist /site');

    const payments = dockerfileOf('polyglot-shop', 'services/payments');
    expect(payments).toMatch(/^FROM golang:1\.22\.\d+-alpine[\d.]+ AS build$/m);
    expect(payments).toContain('COPY . .\nWORKDIR /src/services/payments\nRUN go mod download');
    expect(payments).toContain('-o /out/server ./cmd/payments');
  });

  it('Maven reactor: each service built with the modules it needs, its version and Java release inherited', () => {
    const { project } = generate('maven-reactor', 'dockerfile');
    const orders = project.apps.find((a) => a.name === 'order-service')!;
    expect(orders).toMatchObject({ version: '2.0.0', runtimeVersion: '21', probePort: 9081 });
    const dockerfile = dockerfileOf('maven-reactor', 'order-service');
    expect(dockerfile).toMatch(/^FROM eclipse-temurin:21\.[\d._]+-jdk AS build$/m);
    expect(dockerfile).toContain('./mvnw -B -q -pl order-service -am package -DskipTests');
    expect(dockerfile).toContain('find order-service/target -maxdepth 1');
    expect(dockerfile).toContain('docker build -f order-service/Dockerfile -t order-service:2.0.0 .');
  });

  it('Gradle multi-project: tasks of the included project from the root wrapper; the root is not an app', () => {
    const { project } = generate('gradle-multi', 'dockerfile');
    expect(project.apps.find((a) => a.name === 'gateway')).toMatchObject({
      version: '4.1.0',
      healthPath: '/gateway/actuator/health',
    });
    expect(dockerfileOf('gradle-multi', 'services/api')).toContain(
      './gradlew --no-daemon -q :services:api:installDist -x test && mkdir -p /out && cp -r services/api/build/install/*/lib /out/lib',
    );
    expect(dockerfileOf('gradle-multi', 'services/gateway')).toContain(':services:gateway:bootJar');
  });

  it('--service chooses services by name or folder; an unknown one is refused with the services listed', () => {
    const chosen = generate('polyglot-shop', 'helm-chart', ['server', 'services/payments']);
    expect(chosen.project.apps.map((a) => a.name)).toEqual(['server', 'payments']);
    const values = objectsOf(chosen.files.find((f) => f.path.endsWith('/values.yaml'))!.content)[0];
    expect(Object.keys(values.apps)).toEqual(['server', 'payments']);
    const refused = generateFromProject('k8s', readFixture(join(MONOREPOS, 'polyglot-shop')), { services: ['api'] });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.message).toContain('no service "api"');
      for (const name of ['admin', 'server', 'web', 'payments', 'search'])
        expect(refused.error.message).toContain(`  ${name} (`);
      expect(refused.error.hint).toContain('--service');
    }
  });

  it.each(Object.keys(SERVICES))(
    '%s: one Deployment and Service per service; validate with no warning, helm lint --strict, template and a server dry run',
    async (repo) => {
      const dockerfiles = generate(repo, 'dockerfile');
      const manifests = generate(repo, 'k8s').files;
      const chart = generate(repo, 'helm-chart').files;
      const report = await validateFiles([...dockerfiles.files, ...manifests, ...chart], {
        chartRenderer: helmChartRenderer,
      });
      expect(report.findings.filter((f) => f.severity !== 'INFO')).toEqual([]);
      // The project's own Dockerfiles are validated too (findings reported, not fixed).
      if (dockerfiles.existing.length > 0) {
        const own = await validateFiles(dockerfiles.existing);
        expect(own.files.map((f) => f.path)).toEqual(dockerfiles.existing.map((f) => f.path));
      }
      const rendered = await lintAndRender(chart, repo);
      const objects = objectsOf(rendered);
      const names = SERVICES[repo]!.map(([name]) => name).sort();
      for (const kind of ['Deployment', 'Service'])
        expect(
          objects
            .filter((o) => o.kind === kind)
            .map((o) => o.metadata.name)
            .sort(),
        ).toEqual(names);
      await dryRun(sim().kubeconfig, repo, [manifests.map((f) => f.content).join('\n---\n'), rendered], names.length);
    },
  );
});
