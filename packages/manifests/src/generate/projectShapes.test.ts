import { join } from 'node:path';
import { ManualClock } from '@opspilot/core';
import { startSimCluster } from '@opspilot/kube-sim';
import { createKubectl } from '@opspilot/kube-sim/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { readFixture } from '../detect/__fixtures__/readFixture.js';
import { isPlatformEnv } from '../detect/detectedApp.js';
import { validateFiles } from '../validate/validateFiles.js';
import { helm, helmChartRenderer, writeChart } from './__fixtures__/helmChartRenderer.js';
import type { GeneratedFile } from './generatedFile.js';
import { generateFromProject } from './project/generateFromProject.js';

const SHAPES = join(import.meta.dirname, '__fixtures__', 'shapes');

/** What a reviewer checks in the generated files against the project (the fixture) itself. */
interface Shape {
  name: string;
  /** The first FROM: the image that builds (or, for Node without a build, installs) the app. */
  builder: string;
  runtime: string;
  start: string[];
  port: number;
  probe: { httpGet: { path: string } } | { grpc: { port: number } };
  /** Variables the code or .env.example names, and which of them are credentials. */
  config: string[];
  secrets: string[];
  /** Build steps the project needs (its wrapper, lock, packaging), as the Dockerfile must say them. */
  steps?: string[];
}

const http = (path: string) => ({ httpGet: { path } });
const grpc = (port: number) => ({ grpc: { port } });

const CASES: Record<string, Shape> = {
  'node-api': {
    name: 'orders-api',
    builder: 'node:22.11.0-alpine3.20',
    runtime: 'node:22.11.0-alpine3.20',
    start: ['node', 'server.js'],
    port: 4000,
    probe: http('/healthz'),
    config: ['FEATURE_FLAGS', 'ORDERS_REGION'],
    secrets: ['DATABASE_URL'],
    steps: ['RUN npm ci --omit=dev'],
  },
  'go-web': {
    name: 'web',
    builder: 'golang:1.24.2-alpine3.21',
    runtime: 'gcr.io/distroless/static-debian12:nonroot',
    start: ['/app/server'],
    port: 8090,
    probe: http('/healthz'),
    config: ['GREETING', 'REDIS_ADDR'],
    secrets: [],
    steps: ['CGO_ENABLED=0 GOOS=linux go build', './cmd/web', 'HEALTHCHECK NONE'],
  },
  'grpc-go': {
    name: 'checkout',
    builder: 'golang:1.23.3-alpine3.20',
    runtime: 'gcr.io/distroless/static-debian12:nonroot',
    start: ['/app/server'],
    port: 5050,
    probe: grpc(5050),
    config: ['PAYMENT_SERVICE_ADDR'],
    secrets: [],
  },
  'grpc-node': {
    name: 'recommendations',
    builder: 'node:20.18.1-alpine3.20',
    runtime: 'node:20.18.1-alpine3.20',
    start: ['node', 'server.js'],
    port: 8081,
    probe: grpc(8081),
    config: ['PRODUCT_CATALOG_ADDR'],
    secrets: [],
  },
  'grpc-java': {
    name: 'quotes',
    builder: 'maven:3.9.9-eclipse-temurin-17',
    runtime: 'eclipse-temurin:17.0.13_11-jre-alpine',
    start: ['java', '-XX:MaxRAMPercentage=75', '-jar', '/app/app.jar'],
    port: 9191,
    probe: grpc(9191),
    config: ['QUOTES_CURRENCY'],
    secrets: [],
  },
  'grpc-dotnet': {
    name: 'greeter',
    builder: 'mcr.microsoft.com/dotnet/sdk:9.0.101-alpine3.20',
    runtime: 'mcr.microsoft.com/dotnet/aspnet:9.0.0-alpine3.20',
    start: ['dotnet', 'Greeter.dll'],
    port: 8080,
    probe: grpc(8080),
    config: ['GREETER_SALUTATION'],
    secrets: [],
    steps: ['Kestrel__EndpointDefaults__Protocols=Http2', 'dotnet publish Greeter.csproj -c Release'],
  },
  'java-maven': {
    name: 'payments',
    builder: 'eclipse-temurin:21.0.5_11-jdk',
    runtime: 'eclipse-temurin:21.0.5_11-jre-alpine',
    start: ['java', '-XX:MaxRAMPercentage=75', '-jar', '/app/app.jar'],
    port: 8085,
    probe: http('/actuator/health'),
    config: ['PAYMENTS_DB_URL', 'PAYMENTS_REGION'],
    secrets: ['PAYMENTS_DB_PASSWORD', 'STRIPE_API_KEY'],
    steps: ['./mvnw -B -q package', 'COPY --from=build /out/app.jar /app/app.jar'],
  },
  'java-gradle': {
    name: 'catalog',
    builder: 'eclipse-temurin:17.0.13_11-jdk',
    runtime: 'eclipse-temurin:17.0.13_11-jre-alpine',
    start: ['java', '-XX:MaxRAMPercentage=75', '-cp', '/app/lib/*', 'com.example.catalog.CatalogServer'],
    port: 7070,
    probe: http('/health'),
    config: ['SEARCH_URL'],
    secrets: [],
    steps: ['./gradlew --no-daemon -q installDist', 'COPY --from=build /out/lib /app/lib'],
  },
  'dotnet-api': {
    name: 'inventory-api',
    builder: 'mcr.microsoft.com/dotnet/sdk:8.0.404-alpine3.20',
    runtime: 'mcr.microsoft.com/dotnet/aspnet:8.0.11-alpine3.20',
    start: ['dotnet', 'Inventory.Api.dll'],
    port: 8080,
    probe: http('/healthz'),
    config: ['INVENTORY_DB_CONNECTION', 'WAREHOUSE_CODE'],
    secrets: [],
    steps: ['ASPNETCORE_URLS=http://+:8080', 'RUN dotnet restore Inventory.Api.csproj'],
  },
  'python-pip': {
    name: 'python-pip',
    builder: 'python:3.11.10-slim-bookworm',
    runtime: 'python:3.11.10-slim-bookworm',
    start: ['gunicorn', '--bind', '0.0.0.0:8000', '--workers', '2', 'app:app'],
    port: 8000,
    probe: http('/healthz'),
    config: ['REDIS_URL'],
    secrets: ['SESSION_SECRET'],
    steps: ['RUN pip install --no-cache-dir -r requirements.txt\n'],
  },
  'python-poetry': {
    name: 'notes',
    builder: 'python:3.11.10-slim-bookworm',
    runtime: 'python:3.11.10-slim-bookworm',
    start: ['uvicorn', 'notes.main:api', '--host', '0.0.0.0', '--port', '8000', '--proxy-headers'],
    port: 8000,
    probe: http('/health'),
    config: ['NOTES_BUCKET'],
    secrets: [],
    steps: ['poetry==1.8.5', 'COPY pyproject.toml poetry.lock ./', 'poetry install --only main --no-root'],
  },
  'python-uv': {
    name: 'search',
    builder: 'python:3.13.0-slim-bookworm',
    runtime: 'python:3.13.0-slim-bookworm',
    start: ['uvicorn', 'main:app', '--host', '0.0.0.0', '--port', '8010', '--proxy-headers'],
    port: 8010,
    probe: http('/healthz'),
    config: ['SEARCH_INDEX'],
    secrets: ['OPENSEARCH_PASSWORD'],
    steps: ['COPY pyproject.toml uv.lock ./', 'RUN uv sync --frozen --no-dev --no-install-project'],
  },
  'python-grpc': {
    name: 'python-grpc',
    builder: 'python:3.12.7-slim-bookworm',
    runtime: 'python:3.12.7-slim-bookworm',
    start: ['python', 'server.py'],
    port: 50052,
    probe: grpc(50052),
    config: ['RECOMMENDER_MODEL_PATH'],
    secrets: [],
  },
  'nextjs-web': {
    name: 'storefront',
    builder: 'node:20.18.1-alpine3.20',
    runtime: 'node:20.18.1-alpine3.20',
    start: ['node', 'server.js'],
    port: 3000,
    probe: http('/api/healthz'),
    config: ['CATALOG_API_URL'],
    secrets: ['SESSION_SECRET'],
    steps: ['COPY --from=build /app/.next/standalone ./'],
  },
  'vite-spa': {
    name: 'admin-ui',
    builder: 'node:20.18.1-alpine3.20',
    runtime: 'nginxinc/nginx-unprivileged:1.27.2-alpine',
    start: ['nginx', '-g', 'daemon off;'],
    port: 8080,
    probe: http('/'),
    config: [],
    secrets: [],
    steps: ['ARG VITE_API_BASE', 'RUN npm run build && mv build/web /site'],
  },
};

function generate(shape: string, target: 'dockerfile' | 'k8s' | 'helm-chart'): GeneratedFile[] {
  const result = generateFromProject(target, readFixture(join(SHAPES, shape)), { name: shape, namespace: shape });
  if (!result.ok) throw result.error;
  return result.value.files;
}

const objectsOf = (text: string) =>
  parseAllDocuments(text)
    .map((d) => d.toJS())
    .filter(Boolean);

/** Renders the chart with helm after `helm lint --strict`; both must pass. */
async function lintAndRender(chart: GeneratedFile[], shape: string): Promise<string> {
  const files = chart.map((f) => ({ path: f.path.replace(/^charts\/[^/]+\//, ''), content: f.content }));
  const { dir, cleanup } = writeChart(files, shape);
  try {
    const lint = await helm(['lint', '--strict', dir]);
    expect(lint.code, lint.stdout + lint.stderr).toBe(0);
    const template = await helm(['template', shape, dir, '--namespace', shape]);
    expect(template.code, template.stderr).toBe(0);
    return template.stdout;
  } finally {
    cleanup();
  }
}

describe('generate --from over real-world project shapes', () => {
  const clock = new ManualClock(new Date('2026-01-01T00:00:00Z'));
  let sim: Awaited<ReturnType<typeof startSimCluster>>;
  beforeAll(async () => {
    sim = await startSimCluster({ clock });
  });
  afterAll(async () => {
    await sim?.stop();
  });

  it.each(Object.entries(CASES))('%s: builder, start command, port and probe match the project', (shape, want) => {
    const dockerfile = generate(shape, 'dockerfile').find((f) => f.path === 'Dockerfile')!.content;
    const froms = [...dockerfile.matchAll(/^FROM (\S+) AS \w+$/gm)].map((m) => m[1]);
    expect(froms[0], dockerfile).toBe(want.builder);
    expect(froms.at(-1)).toBe(want.runtime);
    expect(dockerfile).toContain(`EXPOSE ${want.port}\n`);
    expect(dockerfile.trimEnd().split('\n').at(-1)).toMatch(/^(CMD|ENTRYPOINT) /);
    expect(
      JSON.parse(
        dockerfile
          .trimEnd()
          .split('\n')
          .at(-1)!
          .replace(/^(CMD|ENTRYPOINT) /, ''),
      ),
    ).toEqual(want.start);
    expect(dockerfile).toMatch(/^USER 10001:10001$/m);
    for (const step of want.steps ?? []) expect(dockerfile).toContain(step);

    const objects = generate(shape, 'k8s').flatMap((f) => objectsOf(f.content));
    const deployment = objects.find((o) => o.kind === 'Deployment');
    expect(deployment.metadata.name).toBe(want.name);
    const container = deployment.spec.template.spec.containers[0];
    expect(container.ports[0].containerPort).toBe(want.port);
    expect(container.readinessProbe).toMatchObject(want.probe);
    expect(container.livenessProbe).toMatchObject(want.probe);
    const service = objects.find((o) => o.kind === 'Service');
    expect([container.ports[0].name, want.port]).toContain(service.spec.ports[0].targetPort);
    // gRPC servers stay inside the cluster; HTTP apps get the Ingress.
    expect(objects.some((o) => o.kind === 'Ingress')).toBe(!('grpc' in want.probe));
  });

  it.each(Object.entries(CASES))(
    '%s: the variables the code reads are in values, credentials as Secret keys',
    (shape, want) => {
      const values = generate(shape, 'helm-chart').find((f) => f.path.endsWith('/values.yaml'))!.content;
      const parsed = objectsOf(values)[0] as {
        configMap: { data: Record<string, string> };
        secret: { keys: string[] };
      };
      expect(Object.keys(parsed.configMap.data)).toEqual(want.config);
      expect(parsed.secret.keys).toEqual(want.secrets);
      expect(Object.keys(parsed.configMap.data).filter(isPlatformEnv)).toEqual([]);
      // Nothing invented: a variable the project gives no value stays empty (and is not set in the container).
      for (const value of Object.values(parsed.configMap.data)) expect(value).toBe('');
    },
  );

  it.each(Object.keys(CASES))(
    '%s: Dockerfile, manifests and chart pass validation with no warning, helm lint --strict and a server dry run',
    async (shape) => {
      const dockerfiles = generate(shape, 'dockerfile');
      const manifests = generate(shape, 'k8s');
      const chart = generate(shape, 'helm-chart');
      const report = await validateFiles([...dockerfiles, ...manifests, ...chart], {
        chartRenderer: helmChartRenderer,
      });
      expect(report.findings.filter((f) => f.severity !== 'INFO')).toEqual([]);
      expect(report.findings.map((f) => f.rule)).not.toContain('helm-unavailable');

      const rendered = await lintAndRender(chart, shape);
      const kubectl = createKubectl(sim.kubeconfig);
      expect((await kubectl(['create', 'namespace', shape])).code).toBe(0);
      const plain = manifests.map((f) => f.content).join('\n---\n');
      for (const input of [plain, rendered]) {
        const applied = await kubectl(['apply', '--dry-run=server', '-n', shape, '-f', '-'], input);
        expect(applied.code, applied.stderr).toBe(0);
        expect(applied.stdout).toMatch(/deployment\.apps\/\S+ created \(server dry run\)/);
      }
    },
  );
});
