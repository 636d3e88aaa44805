import { ManualClock } from '@opspilot/core';
import { startSimCluster } from '@opspilot/kube-sim';
import { advanceClock, createKubectl } from '@opspilot/kube-sim/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { readFixture } from '../../detect/__fixtures__/readFixture.js';
import { STACK_PROJECTS } from '../../detect/__fixtures__/stackProjects.js';
import { detectProject } from '../../detect/detectProject.js';
import type { ProjectFile } from '../../detect/projectFiles.js';
import { validateFiles } from '../../validate/validateFiles.js';
import { helm, helmChartRenderer, writeChart } from '../__fixtures__/helmChartRenderer.js';
import type { GeneratedFile } from '../generatedFile.js';
import { generateHelmChart } from './generateHelmChart.js';

/** Image names the simulated cluster's catalogue knows, as a user would pass them with --set. */
const SIM_IMAGES = [
  '--set',
  'apps.backend.image.repository=todo/backend,apps.backend.image.tag=1.0',
  '--set',
  'apps.frontend.image.repository=todo/frontend,apps.frontend.image.tag=1.0',
];

function chartOf(files: ProjectFile[], name: string): GeneratedFile[] {
  const project = detectProject(files, { name });
  if (!project.ok) throw project.error;
  return generateHelmChart(project.value);
}

/** Chart files relative to the chart root, as helm and the ChartRenderer port see them. */
const relativeToChart = (files: GeneratedFile[]) =>
  files.map((f) => ({ path: f.path.replace(/^charts\/[^/]+\//, ''), content: f.content }));

async function lintAndTemplate(files: GeneratedFile[], name: string, extra: string[] = []) {
  const { dir, cleanup } = writeChart(relativeToChart(files), name);
  try {
    const lint = await helm(['lint', '--strict', dir, ...extra]);
    const template = await helm(['template', 'todo', dir, '--namespace', 'todo', ...extra]);
    return { lint, template };
  } finally {
    cleanup();
  }
}

const todoChart = chartOf(readFixture(), 'todo');

describe('generateHelmChart', () => {
  it('writes one chart for both Todo services', () => {
    expect(todoChart.map((f) => f.path)).toEqual(
      expect.arrayContaining([
        'charts/todo/Chart.yaml',
        'charts/todo/values.yaml',
        'charts/todo/templates/deployment.yaml',
        'charts/todo/templates/ingress.yaml',
      ]),
    );
    const values = todoChart.find((f) => f.path.endsWith('values.yaml'))!.content;
    expect(values).toContain('healthPath: /health');
    expect(values).toContain('healthPath: /api/health');
    expect(values).toContain('NEXT_PUBLIC_API_URL: http://backend');
    expect(values).toMatch(/keys:\n\s+- DATABASE_URL\n\s+- JWT_SECRET_KEY\n\s+- OPENAI_API_KEY/);
  });

  it('passes the real helm lint --strict, with and without creating the Secret', async () => {
    for (const extra of [[], ['--set', 'secret.create=true']]) {
      const { lint, template } = await lintAndTemplate(todoChart, 'todo', extra);
      expect(lint.code, lint.stdout + lint.stderr).toBe(0);
      expect(lint.stdout).toContain('0 chart(s) failed');
      expect(template.code, template.stderr).toBe(0);
    }
  });

  it('refuses values of the wrong shape through its values schema', async () => {
    const { lint } = await lintAndTemplate(todoChart, 'todo', ['--set', 'apps.backend.replicas=many']);
    expect(lint.code).not.toBe(0);
    expect(lint.stdout + lint.stderr).toContain('replicas');
  });

  it('renders both services with a ConfigMap, a Secret reference, probes, resources and an Ingress', async () => {
    const { template } = await lintAndTemplate(todoChart, 'todo');
    const objects = parseAllDocuments(template.stdout)
      .map((d) => d.toJS())
      .filter(Boolean);
    const kinds = objects.map((o) => `${o.kind}/${o.metadata.name}`).sort();
    expect(kinds).toEqual([
      'ConfigMap/todo-config',
      'Deployment/backend',
      'Deployment/frontend',
      'Ingress/todo',
      'PodDisruptionBudget/backend',
      'PodDisruptionBudget/frontend',
      'Service/backend',
      'Service/frontend',
      'ServiceAccount/todo',
    ]);
    for (const dep of objects.filter((o) => o.kind === 'Deployment')) {
      const c = dep.spec.template.spec.containers[0];
      expect(c.envFrom).toEqual([{ configMapRef: { name: 'todo-config' } }, { secretRef: { name: 'todo-secrets' } }]);
      expect(c.readinessProbe.httpGet.path).toBe(dep.metadata.name === 'backend' ? '/health' : '/api/health');
      expect(c.resources.limits.memory).toBe('256Mi');
      expect(c.securityContext.readOnlyRootFilesystem).toBe(true);
    }
    const ingress = objects.find((o) => o.kind === 'Ingress');
    expect(ingress.spec.rules[0].http.paths.map((p: { path: string }) => p.path)).toEqual(['/api', '/']);
  });

  it('passes the package validation with zero errors, chart rendered through helm', async () => {
    const report = await validateFiles(todoChart, { chartRenderer: helmChartRenderer });
    expect(report.findings.filter((f) => f.severity !== 'INFO')).toEqual([]);
    expect(report.findings.map((f) => f.rule)).not.toContain('helm-unavailable');
    expect(report.summary.resources).toBeGreaterThanOrEqual(9);
  });

  it.each(Object.keys(STACK_PROJECTS))('lints and validates the chart of a %s project', async (stack) => {
    const chart = chartOf(STACK_PROJECTS[stack]!, stack);
    const { lint, template } = await lintAndTemplate(chart, stack);
    expect(lint.code, lint.stdout).toBe(0);
    expect(template.stdout).toContain('kind: Deployment');
    const report = await validateFiles(chart, { chartRenderer: helmChartRenderer });
    expect(report.findings.filter((f) => f.severity !== 'INFO')).toEqual([]);
  });
});

describe('the Todo chart on the simulated cluster', () => {
  const clock = new ManualClock(new Date('2026-01-01T00:00:00Z'));
  let sim: Awaited<ReturnType<typeof startSimCluster>>;
  beforeAll(async () => {
    sim = await startSimCluster({ clock });
  });
  afterAll(async () => {
    await sim?.stop();
  });

  async function podsReady(namespace: string, extra: string[]): Promise<Record<string, string | undefined>> {
    const { lint, template } = await lintAndTemplate(todoChart, 'todo', extra);
    expect(lint.code).toBe(0);
    const kubectl = createKubectl(sim.kubeconfig);
    expect((await kubectl(['create', 'namespace', namespace])).code).toBe(0);
    const applied = await kubectl(['apply', '-n', namespace, '-f', '-'], template.stdout);
    expect(applied.code, applied.stderr).toBe(0);
    await advanceClock(clock, 30_000);
    const pods = JSON.parse((await kubectl(['get', 'pods', '-n', namespace, '-o', 'json'])).stdout).items as {
      metadata: { name: string };
      status: { conditions?: { type: string; status: string }[] };
    }[];
    return Object.fromEntries(
      pods.map((p) => [p.metadata.name, p.status.conditions?.find((c) => c.type === 'Ready')?.status]),
    );
  }

  it('leaves the pods unready with images the cluster cannot pull (the check can fail)', async () => {
    const ready = await podsReady('todo-unpulled', []);
    expect(Object.keys(ready)).toHaveLength(4);
    expect(Object.values(ready).filter((s) => s === 'True')).toEqual([]);
  });

  it('deploys with every pod ready after the clock advances', async () => {
    // The containers read the Secret through envFrom: without it they stay in CreateContainerConfigError, as on a
    // real cluster, so the chart creates it here.
    const { lint, template } = await lintAndTemplate(todoChart, 'todo', [...SIM_IMAGES, '--set', 'secret.create=true']);
    expect(lint.code).toBe(0);
    const kubectl = createKubectl(sim.kubeconfig);
    expect((await kubectl(['create', 'namespace', 'todo'])).code).toBe(0);
    const applied = await kubectl(['apply', '-n', 'todo', '-f', '-'], template.stdout);
    expect(applied.code, applied.stderr).toBe(0);
    await advanceClock(clock, 30_000);
    const pods = JSON.parse((await kubectl(['get', 'pods', '-n', 'todo', '-o', 'json'])).stdout).items as {
      metadata: { name: string };
      status: { conditions?: { type: string; status: string }[]; containerStatuses?: unknown };
    }[];
    expect(pods).toHaveLength(4);
    for (const pod of pods) {
      const ready = pod.status.conditions?.find((c) => c.type === 'Ready')?.status;
      expect(ready, `${pod.metadata.name} ${JSON.stringify(pod.status.containerStatuses)}`).toBe('True');
    }
    const endpoints = JSON.parse((await kubectl(['get', 'endpoints', 'backend', '-n', 'todo', '-o', 'json'])).stdout);
    expect(endpoints.subsets[0].addresses).toHaveLength(2);
  });
});
