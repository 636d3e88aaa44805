/**
 * Benchmark of `validateFiles` (@opspilot/manifests): 50,000 Kubernetes resources (Deployments, Services,
 * ConfigMaps, PodDisruptionBudgets, HorizontalPodAutoscalers; some healthy, some breaking rules) in 500 files,
 * validated with every rule on one core. Goal: at least 4,000 resources per second.
 *
 *   npx tsx bench/validate.ts [resources]
 *   OPSPILOT_BENCH_ANCHORS=1 npx tsx bench/validate.ts   # manifests with anchors (full `yaml` parser path)
 *   OPSPILOT_BENCH_RULES=1 / OPSPILOT_BENCH_PROFILE=file.cpuprofile   # per-rule CPU time / a CPU profile
 */
import { validateFiles } from '@opspilot/manifests';
import { stringify } from 'yaml';

const total = Number(process.argv[2] ?? 50_000);
const perFile = 100;

function app(i: number, broken: boolean): unknown[] {
  const name = `app-${i}`;
  const ns = `team-${i % 40}`;
  const shared = { app: name, 'app.kubernetes.io/name': name };
  // OPSPILOT_BENCH_ANCHORS=1 shares the label maps, so YAML anchors/aliases send every file down the full parser.
  const labels = () => (process.env.OPSPILOT_BENCH_ANCHORS ? shared : { ...shared });
  return [
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, namespace: ns, labels: labels() },
      spec: {
        ...(broken ? { replicas: 1 } : {}),
        selector: { matchLabels: { app: name } },
        template: {
          metadata: { labels: labels() },
          spec: {
            serviceAccountName: name,
            securityContext: { runAsNonRoot: true, runAsUser: 10001, seccompProfile: { type: 'RuntimeDefault' } },
            topologySpreadConstraints: [
              {
                maxSkew: 1,
                topologyKey: 'kubernetes.io/hostname',
                whenUnsatisfiable: 'ScheduleAnyway',
                labelSelector: { matchLabels: { app: name } },
              },
            ],
            containers: [
              {
                name: 'main',
                image: broken ? 'nginx:latest' : `registry.example.com/${name}:1.${i % 10}.0`,
                ports: [{ name: 'http', containerPort: 8080 }],
                env: broken ? [{ name: 'DB_PASSWORD', value: 'secret' }] : [{ name: 'LOG_LEVEL', value: 'info' }],
                resources: broken
                  ? {}
                  : { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '1', memory: '256Mi' } },
                livenessProbe: { httpGet: { path: '/healthz', port: 'http' } },
                readinessProbe: { httpGet: { path: '/ready', port: 'http' } },
                securityContext: {
                  allowPrivilegeEscalation: false,
                  readOnlyRootFilesystem: true,
                  capabilities: { drop: ['ALL'] },
                },
              },
            ],
          },
        },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name, namespace: ns, labels: labels() },
      spec: { selector: { app: name }, ports: [{ name: 'http', port: 80, targetPort: broken ? 9090 : 'http' }] },
    },
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name, namespace: ns },
      data: { LOG_LEVEL: 'info', FEATURE_X: 'on' },
    },
    {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name, namespace: ns },
      spec: { maxUnavailable: 1, selector: { matchLabels: { app: name } } },
    },
    {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name, namespace: ns },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name },
        minReplicas: 2,
        maxReplicas: 10,
        metrics: [
          { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } },
        ],
      },
    },
  ];
}

const objects: unknown[] = [];
for (let i = 0; objects.length < total; i++) objects.push(...app(i, i % 4 === 0));
objects.length = total;
const files = [];
for (let f = 0; f * perFile < total; f++) {
  const docs = objects.slice(f * perFile, (f + 1) * perFile).map((o) => stringify(o));
  files.push({ path: `manifests/file-${f}.yaml`, content: docs.join('---\n') });
}
if (process.env.OPSPILOT_BENCH_DUMP)
  (await import('node:fs')).writeFileSync(process.env.OPSPILOT_BENCH_DUMP, files[0]?.content ?? '');
const bytes = files.reduce((n, f) => n + f.content.length, 0);

// Warm up (module loading, schema registries) on a small slice, then measure.
await validateFiles(files.slice(0, 2));
const profiler = process.env.OPSPILOT_BENCH_PROFILE
  ? new (await import('node:inspector/promises')).Session()
  : undefined;
if (profiler) {
  profiler.connect();
  await profiler.post('Profiler.enable');
  await profiler.post('Profiler.start');
}
const started = process.hrtime.bigint();
const cpuBefore = process.cpuUsage();
const report = await validateFiles(files);
const cpu = process.cpuUsage(cpuBefore);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
if (profiler) {
  const { profile } = await profiler.post('Profiler.stop');
  (await import('node:fs')).writeFileSync(process.env.OPSPILOT_BENCH_PROFILE as string, JSON.stringify(profile));
}
const cpuSeconds = (cpu.user + cpu.system) / 1e6;

console.log(
  `validated ${report.summary.resources} resources in ${files.length} files (${(bytes / 1024 / 1024).toFixed(1)} MiB)`,
);
console.log(
  `findings: ${report.findings.length} (${report.summary.errors} errors, ${report.summary.warnings} warnings, ${report.summary.infos} info)`,
);
console.log(`time: ${seconds.toFixed(2)} s wall, ${cpuSeconds.toFixed(2)} s CPU (one core)`);
console.log(`throughput: ${Math.round(report.summary.resources / seconds)} resources/s wall clock (goal >= 4000)`);
if (process.env.OPSPILOT_BENCH_RULES) {
  // Per-rule CPU time over the parsed objects, to find what to optimise.
  const { KUBE_RULES } = await import('@opspilot/manifests');
  const { parse } = await import('yaml');
  const objs = files.flatMap((f) => f.content.split('---\n').map((d) => parse(d)));
  const ctx = {
    resources: [],
    byKind: () => [],
    inNamespace: () => [],
    workloadsIn: () => [],
    memo: (_k: string, b: () => unknown) => b(),
  };
  const times = KUBE_RULES.map((rule) => {
    const t = process.cpuUsage();
    for (const o of objs)
      if (rule.appliesTo.includes('*') || rule.appliesTo.includes(o.kind)) rule.check(o, ctx as never);
    const u = process.cpuUsage(t);
    return [rule.id, (u.user + u.system) / 1000] as const;
  });
  for (const [id, ms] of times.sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`  ${id}: ${ms.toFixed(0)} ms`);
}
console.log(
  `throughput: ${Math.round(report.summary.resources / cpuSeconds)} resources/s of CPU time (wall clock suffers when the machine is shared)`,
);
