import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHelmChartRenderer } from '@opspilot/helm';
import { startSimCluster } from '@opspilot/kube-sim';
import { createHelm, createKubectl, toolBinary } from '@opspilot/kube-sim/testing';
import { type Finding, type InputFile, validateFiles } from '@opspilot/manifests';
import { describe, expect, it } from 'vitest';

const deployDir = fileURLToPath(new URL('../../deploy/', import.meta.url));
const chartDir = join(deployDir, 'helm', 'opspilot');

/** Every option of the chart switched on (external PostgreSQL, NATS, Ingress with TLS, ServiceMonitor, write RBAC). */
const ALL_ON = {
  replicaCount: 3,
  rbac: { write: true },
  config: { publicUrl: 'https://opspilot.example.com', llm: { provider: 'openai', model: 'gpt-4o-mini' } },
  secrets: { llmApiKey: 'sk-test', encryptionKey: `${'A'.repeat(43)}=` },
  database: { url: 'postgres://opspilot:pw@db.example.com:5432/opspilot' },
  events: { bus: 'nats', natsUrl: 'nats://nats.example.com:4222' },
  ingress: {
    enabled: true,
    className: 'nginx',
    tls: [{ secretName: 'opspilot-tls', hosts: ['opspilot.example.com'] }],
  },
  serviceMonitor: { enabled: true, labels: { release: 'prometheus' } },
  networkPolicy: {
    ingressFrom: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress' } } }],
  },
  extraEnv: [{ name: 'OPSPILOT_AUTH_SESSION_IDLE_TIMEOUT', value: '1h' }],
};

function filesUnder(dir: string, root = dir): InputFile[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory()
      ? filesUnder(full, root)
      : [{ path: relative(root, full), content: readFileSync(full, 'utf8') }];
  });
}

const renderer = createHelmChartRenderer({ binary: toolBinary('helm') });
const chartFiles = () => filesUnder(chartDir).map((f) => ({ ...f, path: `opspilot/${f.path}` }));
const notInfo = (findings: Finding[]) =>
  findings.filter((f) => f.severity !== 'INFO').map((f) => `${f.file}:${f.line ?? 0} ${f.rule}: ${f.message}`);

describe('deploy/helm/opspilot', () => {
  it('passes helm lint --strict with the default values and with every option on', async () => {
    const helm = createHelm('apiVersion: v1\nkind: Config\n');
    const plain = await helm(['lint', '--strict', chartDir]);
    expect(plain.stderr + plain.stdout).toContain('0 chart(s) failed');
    expect(plain.code).toBe(0);
    const valuesFile = join(mkdtempSync(join(tmpdir(), 'opspilot-chart-')), 'all-on.json');
    writeFileSync(valuesFile, JSON.stringify(ALL_ON));
    const allOn = await helm(['lint', '--strict', chartDir, '--values', valuesFile]);
    expect(allOn.stdout).not.toMatch(/\[(WARNING|ERROR)\]/);
    expect(allOn.code).toBe(0);
  });

  it('renders with the default values into objects opspilot validate finds no warning in (all of deploy/)', async () => {
    const report = await validateFiles(filesUnder(deployDir), { chartRenderer: renderer });
    expect(report.files.find((f) => f.path === 'Dockerfile')?.kind).toBe('dockerfile');
    expect(notInfo(report.findings)).toEqual([]);
    expect(report.files.filter((f) => f.kind === 'helm-chart').length).toBeGreaterThan(5);
    expect(report.summary.resources).toBeGreaterThanOrEqual(12);
  });

  it('renders with every option on into objects opspilot validate finds no warning in', async () => {
    const report = await validateFiles(chartFiles(), { chartRenderer: renderer, chartValues: ALL_ON });
    expect(notInfo(report.findings)).toEqual([]);
    const rendered = await renderer.template(
      filesUnder(chartDir).map((f) => ({ path: f.path, content: String(f.content) })),
      ALL_ON,
    );
    expect(rendered.ok).toBe(true);
    const paths = rendered.ok ? rendered.value.map((m) => m.path) : [];
    expect(paths).toEqual(expect.arrayContaining(['templates/ingress.yaml', 'templates/servicemonitor.yaml']));
    expect(paths).not.toContain('templates/postgresql.yaml');
  });

  it('grants Secret reads only when asked, and the validator says so', async () => {
    const report = await validateFiles(chartFiles(), {
      chartRenderer: renderer,
      chartValues: { rbac: { readSecrets: true } },
    });
    expect(report.findings.filter((f) => f.severity === 'WARNING').map((f) => f.rule)).toEqual(['rbac-secrets-access']);
  });

  it('refuses values outside values.schema.json and combinations that cannot work', async () => {
    const helm = createHelm('apiVersion: v1\nkind: Config\n');
    const typo = await helm(['template', 'r', chartDir, '--set', 'replicaCunt=2']);
    expect(typo.code).not.toBe(0);
    expect(typo.stderr).toContain('replicaCunt');
    const memory = await helm(['template', 'r', chartDir, '--set', 'events.bus=memory']);
    expect(memory.stderr).toContain('serves one replica only');
    const single = await helm(['template', 'r', chartDir, '--set', 'events.bus=memory,replicaCount=1']);
    expect(single.code).toBe(0);
  });
});

describe('deploy/Dockerfile', () => {
  it('is a multi-stage, non-root image with a health check that opspilot validate finds no warning in', async () => {
    const content = readFileSync(join(deployDir, 'Dockerfile'), 'utf8');
    const report = await validateFiles([{ path: 'deploy/Dockerfile', content }]);
    expect(report.files).toEqual([{ path: 'deploy/Dockerfile', kind: 'dockerfile', resources: 0 }]);
    expect(notInfo(report.findings)).toEqual([]);
    expect(content).toMatch(/^USER 10001/m);
    expect(content).toMatch(/^HEALTHCHECK [^\n]*\\\n\s+CMD .*\/healthz/m);
    expect(content).toContain('org.opencontainers.image.source');
    // The image starts the same compiled entry as `npm start`.
    const pkg = JSON.parse(readFileSync(join(deployDir, '..', 'package.json'), 'utf8')) as {
      scripts: { start: string };
    };
    const entry = pkg.scripts.start.split(/\s+/).find((a) => a.endsWith('.js'));
    expect(entry).toBeDefined();
    expect(content).toMatch(new RegExp(`^CMD \\[.*"${entry}"\\]$`, 'm'));
  });
});

describe('helm install on the simulated cluster', () => {
  it('installs the chart and creates the server Deployment with its probes, service account and RBAC', async () => {
    const sim = await startSimCluster();
    try {
      const helm = createHelm(sim.kubeconfig);
      const install = await helm([
        'install',
        'ops',
        chartDir,
        '--namespace',
        'opspilot',
        '--create-namespace',
        '--set',
        'postgresql.persistence.enabled=false',
      ]);
      expect(install.stderr).toBe('');
      expect(install.code).toBe(0);
      expect(install.stdout).toContain('STATUS: deployed');
      const kubectl = createKubectl(sim.kubeconfig);
      const got = await kubectl(['get', 'deployment', 'ops-opspilot', '-n', 'opspilot', '-o', 'json']);
      expect(got.code).toBe(0);
      const deployment = JSON.parse(got.stdout);
      expect(deployment.spec.replicas).toBe(2);
      const pod = deployment.spec.template.spec;
      expect(pod.serviceAccountName).toBe('ops-opspilot');
      expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 10001 });
      const [server] = pod.containers;
      expect(server.image).toBe('ghcr.io/opspilot/opspilot:0.1.0');
      expect(server.livenessProbe.httpGet.path).toBe('/healthz');
      expect(server.readinessProbe.httpGet.path).toBe('/readyz');
      expect(server.securityContext.readOnlyRootFilesystem).toBe(true);
      const env = Object.fromEntries(server.env.map((e: { name: string }) => [e.name, e]));
      expect(env.OPSPILOT_SECRETS_ENCRYPTION_KEY.valueFrom.secretKeyRef).toMatchObject({ key: 'encryption-key' });
      expect(env.OPSPILOT_EVENTS_REDIS_URL.value).toBe('redis://ops-opspilot-redis:6379');
      const others = await kubectl([
        'get',
        'service/ops-opspilot',
        'statefulset/ops-opspilot-postgresql',
        'statefulset/ops-opspilot-redis',
        'secret/ops-opspilot',
        'poddisruptionbudget/ops-opspilot',
        'networkpolicy/ops-opspilot',
        '-n',
        'opspilot',
        '-o',
        'name',
      ]);
      expect(others.stderr).toBe('');
      expect(others.stdout.trim().split('\n')).toHaveLength(6);
      const role = await kubectl(['get', 'clusterrole', 'ops-opspilot', '-o', 'json']);
      const verbs = new Set(JSON.parse(role.stdout).rules.flatMap((r: { verbs: string[] }) => r.verbs));
      expect([...verbs].sort()).toEqual(['get', 'list', 'watch']);
    } finally {
      await sim.stop();
    }
  });
});
