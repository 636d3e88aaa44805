import type { KubeObject } from '@opspilot/core';

// biome-ignore lint/suspicious/noExplicitAny: fixtures mutate loosely typed manifests
type Json = Record<string, any>;

const DIGEST = '@sha256:0d6b6b2e0c3f5f5b9b2a4f6c8e1d3a5b7c9e1f3a5b7c9d1e3f5a7b9c1d3e5f7a';

/** A Deployment passing every policy sentence of the phrasing suite; `mutate` plants one defect. */
function deployment(name: string, mutate: (d: Json, pod: Json, c: Json) => void = () => {}, namespace = 'shop'): KubeObject {
  const c: Json = {
    name: 'app',
    image: `ghcr.io/acme/app:1.0${DIGEST}`,
    ports: [{ containerPort: 8080 }],
    readinessProbe: { httpGet: { path: '/ready', port: 8080 } },
    livenessProbe: { tcpSocket: { port: 8080 } },
    resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '200m', memory: '256Mi' } },
    securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
  };
  const pod: Json = {
    automountServiceAccountToken: false,
    securityContext: {
      runAsNonRoot: true,
      runAsUser: 10001,
      seccompProfile: { type: 'RuntimeDefault' },
      appArmorProfile: { type: 'RuntimeDefault' },
    },
    containers: [c],
  };
  const d: Json = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace, labels: { app: name, owner: 'team-a' }, annotations: { 'opspilot.dev/contact': 'ops@acme.io' } },
    spec: { replicas: 1, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: pod } },
  };
  mutate(d, pod, c);
  return d as KubeObject;
}

const pdb = (name: string): KubeObject =>
  ({
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name, namespace: 'shop' },
    spec: { maxUnavailable: 1, selector: { matchLabels: { app: name } } },
  }) as KubeObject;

const service = (name: string, spec: Json): KubeObject =>
  ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'shop' }, spec: { ports: [{ port: 80 }], ...spec } }) as KubeObject;

const ingress = (name: string, host: string, tls: boolean, httpsOnly = true): KubeObject =>
  ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name, namespace: 'shop', ...(httpsOnly ? { annotations: { 'kubernetes.io/ingress.allow-http': 'false' } } : {}) },
    spec: {
      ...(tls ? { tls: [{ hosts: [host], secretName: `${name}-tls` }] } : {}),
      rules: [{ host, http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } }],
    },
  }) as KubeObject;

/** The objects every phrasing is audited against: one planted defect per object, the rest compliant. */
export function policyObjects(): KubeObject[] {
  return [
    deployment('good'),
    deployment('elsewhere', (d) => delete d.metadata.labels.owner, 'other'),
    deployment('nolabel', (d) => delete d.metadata.labels.owner),
    deployment('noannotation', (d) => delete d.metadata.annotations),
    deployment('dockerhub', (_d, _p, c) => { c.image = `docker.io/library/nginx:1.27${DIGEST}`; }),
    deployment('latest', (_d, _p, c) => { c.image = 'ghcr.io/acme/app:latest'; }),
    deployment('nodigest', (_d, _p, c) => { c.image = 'ghcr.io/acme/app:1.0'; }),
    deployment('noreadiness', (_d, _p, c) => delete c.readinessProbe),
    deployment('noliveness', (_d, _p, c) => delete c.livenessProbe),
    deployment('nolimits', (_d, _p, c) => delete c.resources.limits),
    deployment('bigmem', (_d, _p, c) => { c.resources.limits.memory = '4Gi'; }),
    deployment('norequests', (_d, _p, c) => delete c.resources.requests),
    deployment('toomany', (d) => { d.spec.replicas = 20; }),
    pdb('toomany'),
    deployment('nopdb', (d) => { d.spec.replicas = 3; }),
    deployment('withpdb', (d) => { d.spec.replicas = 3; }),
    pdb('withpdb'),
    deployment('priv', (_d, _p, c) => { c.securityContext.privileged = true; }),
    deployment('escalate', (_d, _p, c) => { c.securityContext.allowPrivilegeEscalation = true; }),
    deployment('hostpid', (_d, p) => { p.hostPID = true; }),
    deployment('hostnet', (_d, p) => { p.hostNetwork = true; }),
    deployment('hostport', (_d, _p, c) => { c.ports[0].hostPort = 8080; }),
    deployment('hostpath', (_d, p) => { p.volumes = [{ name: 'logs', hostPath: { path: '/var/log' } }]; }),
    deployment('caps', (_d, _p, c) => { c.securityContext.capabilities.add = ['NET_ADMIN']; }),
    deployment('keepcaps', (_d, _p, c) => { c.securityContext.capabilities = {}; }),
    deployment('noseccomp', (_d, p) => delete p.securityContext.seccompProfile),
    deployment('unconfined', (_d, p) => { p.securityContext.appArmorProfile = { type: 'Unconfined' }; }),
    deployment('writable', (_d, _p, c) => { c.securityContext.readOnlyRootFilesystem = false; }),
    deployment('root', (_d, _p, c) => { c.securityContext.runAsUser = 0; }),
    deployment('token', (_d, p) => delete p.automountServiceAccountToken),
    service('web', { selector: { app: 'good' } }),
    service('dup', { selector: { app: 'good' } }),
    service('np', { type: 'NodePort', selector: { app: 'np' } }),
    service('lb', { type: 'LoadBalancer', selector: { app: 'lb' } }),
    service('ext', { selector: { app: 'ext' }, externalIPs: ['203.0.113.9'] }),
    ingress('secure', 'a.example.com', true),
    ingress('copy', 'a.example.com', true),
    ingress('plain', 'b.example.com', false, false),
    ingress('wild', '*.example.com', true),
  ];
}
