import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { validateFiles } from '../../validate/validateFiles.js';
import { generateManifest } from './generateManifest.js';
import type { ManifestKind } from './manifestSpecs.js';

// biome-ignore lint/suspicious/noExplicitAny: tests read nested manifest fields
type Obj = Record<string, any>;

const EXAMPLES: Record<ManifestKind, string> = {
  deployment: 'deployment api image ghcr.io/acme/api:1.4 3 replicas port 8080 512Mi namespace shop health /healthz',
  service: 'api port 80 target port 8080 namespace shop',
  ingress: 'api host api.example.com path /v1 tls class nginx namespace shop',
  configmap: 'api-config LOG_LEVEL=info FEATURE_X=on namespace shop',
  secret: 'api-secrets keys DATABASE_URL API_TOKEN namespace shop',
  hpa: 'api min 2 max 8 cpu 65% namespace shop',
  pdb: 'api max unavailable 1 namespace shop',
  networkpolicy: 'api allow from web port 8080 namespace shop',
  job: 'migrate image ghcr.io/acme/api:1.4 command "alembic upgrade head" namespace shop',
  cronjob: 'report image ghcr.io/acme/report:2.0 every 5 minutes namespace shop',
};

function generated(kind: ManifestKind, description = EXAMPLES[kind]) {
  const result = generateManifest(kind, description);
  if (!result.ok) throw result.error;
  return result.value;
}

const podSpecOf = (o: Obj): Obj =>
  o.kind === 'CronJob' ? o.spec.jobTemplate.spec.template.spec : o.spec.template.spec;

describe('generateManifest', () => {
  it.each(Object.keys(EXAMPLES) as ManifestKind[])(
    'generates a %s that passes validation with no errors',
    async (kind) => {
      const out = generated(kind);
      expect(out.issues).toEqual([]);
      expect(out.files).toHaveLength(1);
      const report = await validateFiles(out.files);
      expect(report.findings.filter((f) => f.severity !== 'INFO')).toEqual([]);
      expect(report.summary.resources).toBe(out.manifests.length);
      expect(out.manifests.length).toBe(kind === 'deployment' ? 2 : 1);
      const doc = parseAllDocuments(out.files[0]!.content)[0]!.toJS() as Obj;
      expect(doc.metadata.namespace).toBe('shop');
      expect(doc.metadata.labels['app.kubernetes.io/managed-by']).toBe('opspilot');
    },
  );

  it.each(['deployment', 'job', 'cronjob'] as const)(
    'gives a %s the restricted security context and resources',
    (kind) => {
      const pod = podSpecOf(generated(kind).manifests[0] as Obj);
      const container = pod.containers[0];
      expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
      expect(pod.automountServiceAccountToken).toBe(false);
      expect(container.securityContext).toMatchObject({
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        runAsNonRoot: true,
        capabilities: { drop: ['ALL'] },
      });
      expect(container.resources.requests).toHaveProperty('memory');
      expect(container.resources.limits).toHaveProperty('cpu');
      expect(pod.volumes).toEqual([{ name: 'tmp', emptyDir: { sizeLimit: '256Mi' } }]);
    },
  );

  it('turns the description into the deployment it describes', () => {
    const dep = generated('deployment').manifests[0] as Obj;
    const container = dep.spec.template.spec.containers[0];
    expect(dep.spec.replicas).toBe(3);
    expect(dep.metadata.labels['app.kubernetes.io/version']).toBe('1.4');
    expect(container.image).toBe('ghcr.io/acme/api:1.4');
    expect(container.ports).toEqual([{ name: 'http', containerPort: 8080, protocol: 'TCP' }]);
    expect(container.resources).toEqual({
      requests: { cpu: '100m', memory: '512Mi' },
      limits: { cpu: '500m', memory: '512Mi' },
    });
    expect(container.readinessProbe.httpGet).toEqual({ path: '/healthz', port: 'http' });
    expect(dep.spec.template.spec.topologySpreadConstraints).toHaveLength(1);
    expect(dep.spec.selector.matchLabels).toEqual({
      'app.kubernetes.io/name': 'api',
      'app.kubernetes.io/instance': 'api',
    });
  });

  it('probes over TCP without a health path, and not at all in a job', () => {
    const tcp = generated('deployment', 'api image nginx:1.27 port 80 cpu 250m').manifests[0] as Obj;
    const container = tcp.spec.template.spec.containers[0];
    expect(container.livenessProbe.tcpSocket).toEqual({ port: 'http' });
    expect(container.resources.limits.cpu).toBe('250m');
    const job = generated('job', 'once image busybox:1.36 port 80').manifests[0] as Obj;
    expect(job.spec.template.spec.containers[0].readinessProbe).toBeUndefined();
    expect(job.spec.template.spec.restartPolicy).toBe('Never');
  });

  it('builds the cron job, HPA, PDB, ingress, network policy and service it is told to', () => {
    expect((generated('cronjob').manifests[0] as Obj).spec).toMatchObject({
      schedule: '*/5 * * * *',
      concurrencyPolicy: 'Forbid',
      timeZone: 'Etc/UTC',
    });
    expect((generated('hpa').manifests[0] as Obj).spec).toMatchObject({
      scaleTargetRef: { kind: 'Deployment', name: 'api' },
      minReplicas: 2,
      maxReplicas: 8,
      metrics: [{ resource: { name: 'cpu', target: { averageUtilization: 65 } } }],
    });
    expect((generated('pdb').manifests[0] as Obj).spec).toEqual({
      maxUnavailable: 1,
      selector: { matchLabels: { 'app.kubernetes.io/name': 'api', 'app.kubernetes.io/instance': 'api' } },
    });
    const ingress = generated('ingress').manifests[0] as Obj;
    expect(ingress.spec.tls).toEqual([{ hosts: ['api.example.com'], secretName: 'api-tls' }]);
    expect(ingress.spec.rules[0].http.paths[0]).toMatchObject({ path: '/v1', backend: { service: { name: 'api' } } });
    const policy = generated('networkpolicy').manifests[0] as Obj;
    expect(policy.spec.ingress[0].from).toEqual([
      { podSelector: { matchLabels: { 'app.kubernetes.io/name': 'web' } } },
    ]);
    expect((generated('networkpolicy', 'api deny all').manifests[0] as Obj).spec.ingress).toEqual([]);
    expect((generated('service').manifests[0] as Obj).spec.ports).toEqual([
      { name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' },
    ]);
  });

  it('defaults an HPA to 70 % CPU between 2 and 10 replicas', () => {
    expect((generated('hpa', 'web').manifests[0] as Obj).spec).toMatchObject({
      minReplicas: 2,
      maxReplicas: 10,
      metrics: [{ resource: { name: 'cpu', target: { averageUtilization: 70 } } }],
    });
  });

  it('never writes a credential into a manifest, and says so', async () => {
    const dep = generated('deployment', 'api image x/api:1.0 env LOG_LEVEL=debug API_TOKEN=hunter2');
    expect(dep.files[0]!.content).not.toContain('hunter2');
    const env = (dep.manifests[0] as Obj).spec.template.spec.containers[0].env;
    expect(env).toEqual([
      { name: 'LOG_LEVEL', value: 'debug' },
      { name: 'API_TOKEN', valueFrom: { secretKeyRef: { name: 'api-secrets', key: 'API_TOKEN' } } },
    ]);
    expect(dep.issues).toEqual([{ text: 'API_TOKEN=…', reason: expect.stringContaining('Secret api-secrets') }]);
    const secret = generated('secret', 'db PASSWORD=hunter2');
    expect(secret.files[0]!.content).not.toContain('hunter2');
    expect((secret.manifests[0] as Obj).stringData).toEqual({ PASSWORD: '' });
    expect(secret.issues[0]!.reason).toContain('was not written');
    expect((await validateFiles(dep.files)).valid).toBe(true);
  });

  it('reports words not understood and settings the kind does not use', () => {
    const out = generated('service', 'api port 80 every 5 minutes image nginx:1.27 pronto');
    expect(out.issues).toEqual([
      { text: 'pronto', reason: 'not understood' },
      { text: 'every 5 minutes', reason: 'schedule does not apply to a service; it was not used' },
      { text: 'image nginx:1.27', reason: 'image does not apply to a service; it was not used' },
    ]);
  });

  it.each([
    ['deployment', 'api image nginx', 'image', 'pinned image'],
    ['deployment', 'api image nginx:latest', 'image', 'pinned image'],
    ['deployment', 'api port 80', 'image', 'pinned image'],
    ['deployment', 'image nginx:1.27', 'name', 'start the description with a name'],
    ['cronjob', 'report image busybox:1.36', 'schedule', 'every 5 minutes'],
    ['hpa', 'api min 5 max 2', 'maxReplicas', 'at least as large'],
    ['pdb', 'api min available 1 max unavailable 1', 'maxUnavailable', 'generate pdb --help'],
    ['ingress', 'api tls', 'host', 'generate ingress --help'],
  ] as const)('refuses %s "%s" with an InputError about %s', (kind, description, field, hint) => {
    const result = generateManifest(kind, description);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.name).toBe('InputError');
    expect(result.error.message).toContain(`${field}:`);
    expect(result.error.hint).toContain(hint);
  });
});
