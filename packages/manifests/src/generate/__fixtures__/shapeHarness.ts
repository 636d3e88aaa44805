import { join } from 'node:path';
import { ManualClock } from '@opspilot/core';
import { startSimCluster } from '@opspilot/kube-sim';
import { createKubectl } from '@opspilot/kube-sim/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { readFixture } from '../../detect/__fixtures__/readFixture.js';
import { isPlatformEnv } from '../../detect/detectedApp.js';
import { validateFiles } from '../../validate/validateFiles.js';
import type { GeneratedFile } from '../generatedFile.js';
import { generateFromProject } from '../project/generateFromProject.js';
import { helm, helmChartRenderer, writeChart } from './helmChartRenderer.js';

/** The folder of the project shapes the generator tests run over. */
export const SHAPES = join(import.meta.dirname, 'shapes');

/** What a reviewer checks in the generated files against the project (the fixture) itself. */
export interface Shape {
  name: string;
  /** The first FROM: the image that builds (or, for Node without a build, installs) the app. */
  builder: string;
  runtime: string;
  start: string[];
  port: number;
  probe: { httpGet: { path: string; port?: string } } | { grpc: { port: number } } | { tcpSocket: { port: string } };
  /** A second container port the probes use (a Spring Boot management port). */
  probePort?: number;
  /** Variables the code or .env.example names, and which of them are credentials. */
  config: string[];
  secrets: string[];
  /** Build steps the project needs (its wrapper, lock, packaging), as the Dockerfile must say them. */
  steps?: string[];
}

export const http = (path: string, port?: string) => ({ httpGet: { path, ...(port ? { port } : {}) } });
export const grpc = (port: number) => ({ grpc: { port } });
export const tcp = () => ({ tcpSocket: { port: 'http' } });

/** The files generated for the shape folder `shape`. */
export function generateShape(shape: string, target: 'dockerfile' | 'k8s' | 'helm-chart'): GeneratedFile[] {
  const result = generateFromProject(target, readFixture(join(SHAPES, shape)), { name: shape, namespace: shape });
  if (!result.ok) throw result.error;
  return result.value.files;
}

/** The objects of a multi-document YAML text. */
export const objectsOf = (text: string) =>
  parseAllDocuments(text)
    .map((d) => d.toJS())
    .filter(Boolean);

/** Renders the chart with helm after `helm lint --strict`; both must pass. */
export async function lintAndRender(chart: GeneratedFile[], shape: string): Promise<string> {
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

/** Starts a simulated cluster before the tests of the enclosing `describe` and stops it after; returns a getter. */
export function useSimCluster(): () => Awaited<ReturnType<typeof startSimCluster>> {
  const clock = new ManualClock(new Date('2026-01-01T00:00:00Z'));
  let sim: Awaited<ReturnType<typeof startSimCluster>> | undefined;
  beforeAll(async () => {
    sim = await startSimCluster({ clock });
  });
  afterAll(async () => {
    await sim?.stop();
  });
  return () => sim!;
}

/**
 * Creates `namespace` and applies each input with a server-side dry run: each must pass and create `deployments`
 * Deployments.
 */
export async function dryRun(kubeconfig: string, namespace: string, inputs: string[], deployments: number): Promise<void> {
  const kubectl = createKubectl(kubeconfig);
  expect((await kubectl(['create', 'namespace', namespace])).code).toBe(0);
  for (const input of inputs) {
    const applied = await kubectl(['apply', '--dry-run=server', '-n', namespace, '-f', '-'], input);
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stdout.match(/deployment\.apps\/\S+ created \(server dry run\)/g)).toHaveLength(deployments);
  }
}

/**
 * The generator review over project shapes: the Dockerfile's builder, runtime, port, start command and build steps
 * against the project; the variables in values; and validate (no warning), helm lint --strict, helm template and a
 * server dry run on the simulated cluster.
 */
export function describeShapes(title: string, cases: Record<string, Shape>): void {
describe(title, () => {
  const sim = useSimCluster();

  it.each(Object.entries(cases))('%s: builder, start command, port and probe match the project', (shape, want) => {
    const dockerfile = generateShape(shape, 'dockerfile').find((f) => f.path === 'Dockerfile')!.content;
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

    const objects = generateShape(shape, 'k8s').flatMap((f) => objectsOf(f.content));
    const deployment = objects.find((o) => o.kind === 'Deployment');
    expect(deployment.metadata.name).toBe(want.name);
    const container = deployment.spec.template.spec.containers[0];
    expect(container.ports[0].containerPort).toBe(want.port);
    expect(container.readinessProbe).toMatchObject(want.probe);
    expect(container.livenessProbe).toMatchObject(want.probe);
    if (want.probePort !== undefined) {
      expect(container.ports[1]).toEqual({ name: 'management', containerPort: want.probePort, protocol: 'TCP' });
      // The image's own HEALTHCHECK asks the management port too.
      expect(dockerfile).toContain(`http://127.0.0.1:${want.probePort}/`);
    } else expect(container.ports).toHaveLength(1);
    const service = objects.find((o) => o.kind === 'Service');
    expect([container.ports[0].name, want.port]).toContain(service.spec.ports[0].targetPort);
    // gRPC servers stay inside the cluster; HTTP apps get the Ingress.
    expect(objects.some((o) => o.kind === 'Ingress')).toBe(!('grpc' in want.probe));
  });

  it.each(Object.entries(cases))(
    '%s: the variables the code reads are in values, credentials as Secret keys',
    (shape, want) => {
      const values = generateShape(shape, 'helm-chart').find((f) => f.path.endsWith('/values.yaml'))!.content;
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

  it.each(Object.keys(cases))(
    '%s: Dockerfile, manifests and chart pass validation with no warning, helm lint --strict and a server dry run',
    async (shape) => {
      const dockerfiles = generateShape(shape, 'dockerfile');
      const manifests = generateShape(shape, 'k8s');
      const chart = generateShape(shape, 'helm-chart');
      const report = await validateFiles([...dockerfiles, ...manifests, ...chart], {
        chartRenderer: helmChartRenderer,
      });
      expect(report.findings.filter((f) => f.severity !== 'INFO')).toEqual([]);
      expect(report.findings.map((f) => f.rule)).not.toContain('helm-unavailable');

      const rendered = await lintAndRender(chart, shape);
      const want = cases[shape]!;
      const charted = objectsOf(rendered).find((o) => o.kind === 'Deployment').spec.template.spec.containers[0];
      expect(charted.readinessProbe).toMatchObject(want.probe);
      expect(charted.ports.map((p: { containerPort: number }) => p.containerPort)).toEqual(
        want.probePort === undefined ? [want.port] : [want.port, want.probePort],
      );
      await dryRun(sim().kubeconfig, shape, [manifests.map((f) => f.content).join('\n---\n'), rendered], 1);
    },
  );
});
}
