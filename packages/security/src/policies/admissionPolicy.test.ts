import { evaluateCel as evaluate } from '@opspilot/kube-sim';
import { validateFiles } from '@opspilot/manifests';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { ADMISSION_TEMPLATES, admissionPolicyFor, CROSS_OBJECT_TEMPLATES } from './admissionPolicy.js';
import { POLICY_TEMPLATES } from './policyLibrary.js';
import type { SecurityPolicy } from './securityPolicy.js';

type Vap = { spec: { variables?: { name: string; expression: string }[]; validations: { expression: string }[] } };

/** What the API server would decide: variables in order, then every validation must hold. */
function admits(vap: Vap, object: unknown): boolean {
  const variables: Record<string, unknown> = {};
  for (const v of vap.spec.variables ?? []) variables[v.name] = evaluate(v.expression, { object, variables });
  return vap.spec.validations.every((v) => evaluate(v.expression, { object, variables }) === true);
}

const policy = (
  template: string,
  parameters: Record<string, unknown> = {},
  extra: Partial<SecurityPolicy> = {},
): SecurityPolicy => ({
  id: 'p',
  name: template,
  template,
  parameters,
  match: {},
  enforcement: 'deny',
  enabled: true,
  ...extra,
});

const deployment = (container: Record<string, unknown>, pod: Record<string, unknown> = {}, replicas = 2) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'shop', labels: { owner: 'team-a' } },
  spec: { replicas, template: { spec: { containers: [{ name: 'web', ...container }], ...pod } } },
});
const service = (type: string) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { type } });
const safe = { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true };
const ingress = (spec: Record<string, unknown>, annotations: Record<string, string> = {}) => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'Ingress',
  metadata: { name: 'i', namespace: 'shop', annotations },
  spec,
});
const rules = (...hosts: (string | undefined)[]) =>
  hosts.map((host) => ({ ...(host === undefined ? {} : { host }), http: { paths: [] } }));
const resources = (limits: Record<string, string>, requests: Record<string, string> = {}) => ({
  image: 'a:1',
  resources: { limits, requests },
});
const probe = { httpGet: { path: '/', port: 80 } };

/** Per template: the parameters, an object it admits and one it refuses. */
const CASES: [string, Record<string, unknown>, unknown, unknown][] = [
  ['k8sblockloadbalancer', {}, service('ClusterIP'), service('LoadBalancer')],
  ['k8sblocknodeport', {}, service('ClusterIP'), service('NodePort')],
  [
    'k8srequiredlabels',
    { labels: [{ key: 'owner', allowedRegex: '^team-' }] },
    deployment({ image: 'a:1' }),
    { ...deployment({ image: 'a:1' }), metadata: { name: 'x', labels: { owner: 'bob' } } },
  ],
  [
    'k8sallowedrepos',
    { repos: ['ghcr.io/acme/'] },
    deployment({ image: 'ghcr.io/acme/web:1' }),
    deployment({ image: 'docker.io/web:1' }),
  ],
  [
    'k8sdisallowedtags',
    { tags: ['latest'] },
    deployment({ image: 'ghcr.io/acme/web:1.2' }),
    deployment({ image: 'nginx' }),
  ],
  ['k8simagedigests', {}, deployment({ image: `web@sha256:${'a'.repeat(64)}` }), deployment({ image: 'web:1' })],
  [
    'k8spspprivilegedcontainer',
    {},
    deployment({ image: 'a:1' }),
    deployment({ image: 'a:1', securityContext: { privileged: true } }),
  ],
  ['k8spsphostnamespace', {}, deployment({ image: 'a:1' }), deployment({ image: 'a:1' }, { hostPID: true })],
  [
    'k8spspallowprivilegeescalationcontainer',
    {},
    deployment({ image: 'a:1', securityContext: safe }),
    deployment({ image: 'a:1' }),
  ],
  [
    'k8spspreadonlyrootfilesystem',
    {},
    deployment({ image: 'a:1', securityContext: safe }),
    deployment({ image: 'a:1', securityContext: { readOnlyRootFilesystem: false } }),
  ],
  [
    'k8sreplicalimits',
    { ranges: [{ min_replicas: 1, max_replicas: 5 }] },
    deployment({ image: 'a:1' }),
    deployment({ image: 'a:1' }, {}, 9),
  ],
  [
    'k8srequiredannotations',
    { annotations: [{ key: 'owner', allowedRegex: '^team-' }] },
    { ...service('ClusterIP'), metadata: { name: 's', annotations: { owner: 'team-a' } } },
    { ...service('ClusterIP'), metadata: { name: 's', annotations: { owner: 'me' } } },
  ],
  [
    'k8shttpsonly',
    {},
    ingress(
      { tls: [{ hosts: ['a.example'] }], rules: rules('a.example') },
      { 'kubernetes.io/ingress.allow-http': 'false' },
    ),
    ingress({ rules: rules('a.example') }, { 'kubernetes.io/ingress.allow-http': 'false' }),
  ],
  [
    'k8singresstls',
    {},
    ingress({ tls: [{ hosts: ['a.example', 'b.example'] }], rules: rules('a.example', 'b.example') }),
    ingress({ tls: [{ hosts: ['a.example'] }], rules: rules('a.example', 'b.example') }),
  ],
  [
    'k8sblockwildcardingress',
    {},
    ingress({ rules: rules('a.example') }),
    ingress({ rules: rules('a.example', '*.example') }),
  ],
  [
    'k8sexternalips',
    { allowedIPs: ['203.0.113.7'] },
    { ...service('ClusterIP'), spec: { type: 'ClusterIP', externalIPs: ['203.0.113.7'] } },
    { ...service('ClusterIP'), spec: { type: 'ClusterIP', externalIPs: ['198.51.100.1'] } },
  ],
  [
    'k8spsphostnetworkingports',
    { min: 8000, max: 9000 },
    deployment({ image: 'a:1', ports: [{ containerPort: 80, hostPort: 8080 }] }),
    deployment({ image: 'a:1', ports: [{ containerPort: 80, hostPort: 80 }] }),
  ],
  [
    'k8spsphostfilesystem',
    { allowedHostPaths: [{ pathPrefix: '/var/log' }] },
    deployment({ image: 'a:1' }, { volumes: [{ name: 'l', hostPath: { path: '/var/log/app' } }] }),
    deployment({ image: 'a:1' }, { volumes: [{ name: 'l', hostPath: { path: '/etc' } }] }),
  ],
  [
    'k8spspcapabilities',
    { allowedCapabilities: ['NET_BIND_SERVICE'], requiredDropCapabilities: ['NET_RAW'] },
    deployment({ image: 'a:1', securityContext: { capabilities: { add: ['net_bind_service'], drop: ['ALL'] } } }),
    deployment({ image: 'a:1', securityContext: { capabilities: { add: ['SYS_ADMIN'], drop: ['NET_RAW'] } } }),
  ],
  [
    'k8spspseccomp',
    {},
    deployment({ image: 'a:1' }, { securityContext: { seccompProfile: { type: 'RuntimeDefault' } } }),
    deployment(
      { image: 'a:1', securityContext: { seccompProfile: { type: 'Unconfined' } } },
      { securityContext: { seccompProfile: { type: 'RuntimeDefault' } } },
    ),
  ],
  [
    'k8spspapparmor',
    {},
    deployment({ image: 'a:1', securityContext: { appArmorProfile: { type: 'RuntimeDefault' } } }),
    deployment({ image: 'a:1' }),
  ],
  [
    'k8spspallowedusers',
    {},
    deployment({ image: 'a:1' }, { securityContext: { runAsNonRoot: true, runAsUser: 1000 } }),
    deployment({ image: 'a:1', securityContext: { runAsUser: 0 } }, { securityContext: { runAsNonRoot: true } }),
  ],
  [
    'k8spspautomountserviceaccounttokenpod',
    {},
    deployment({ image: 'a:1' }, { automountServiceAccountToken: false }),
    deployment({ image: 'a:1' }),
  ],
  [
    'k8srequiredprobes',
    { probes: ['readinessProbe', 'livenessProbe'] },
    deployment({ image: 'a:1', readinessProbe: probe, livenessProbe: probe }),
    deployment({ image: 'a:1', readinessProbe: probe }),
  ],
  [
    'k8scontainerlimits',
    { cpu: '1', memory: '1Gi' },
    deployment(resources({ cpu: '500m', memory: '512Mi' })),
    deployment(resources({ cpu: '2', memory: '512Mi' })),
  ],
  [
    'k8scontainerrequests',
    { memory: '1Gi' },
    deployment(resources({}, { cpu: '100m', memory: '256Mi' })),
    deployment(resources({}, { cpu: '100m', memory: '2Gi' })),
  ],
  [
    'k8scontainerratios',
    { ratio: 2 },
    deployment(resources({ cpu: '1', memory: '1Gi' }, { cpu: '500m', memory: '512Mi' })),
    deployment(resources({ cpu: '1', memory: '2Gi' }, { cpu: '500m', memory: '512Mi' })),
  ],
  [
    'k8srequiredresources',
    { limits: ['memory'], requests: ['cpu'] },
    deployment(resources({ memory: '1Gi' }, { cpu: '100m' })),
    deployment(resources({ cpu: '1' }, { cpu: '100m' })),
  ],
];

describe('admissionPolicyFor', () => {
  it('gives every template a CEL form except those that compare an object with other objects', () => {
    const ids = POLICY_TEMPLATES.map((t) => t.id).sort();
    expect([...ADMISSION_TEMPLATES, ...CROSS_OBJECT_TEMPLATES].sort()).toEqual(ids);
  });

  it('covers every template it lists with a planted violation', () => {
    expect(CASES.map((c) => c[0]).sort()).toEqual([...ADMISSION_TEMPLATES]);
  });

  it.each(CASES)(
    '%s: the CEL admits the compliant object and refuses the violating one',
    (template, parameters, good, bad) => {
      const { policy: vap } = admissionPolicyFor(policy(template, parameters));
      expect(admits(vap as unknown as Vap, good)).toBe(true);
      expect(admits(vap as unknown as Vap, bad)).toBe(false);
    },
  );

  it('reads pods, CronJobs and init containers through the podSpec variable', () => {
    const { policy: vap } = admissionPolicyFor(policy('k8sallowedrepos', { repos: ['ghcr.io/acme/'] }));
    const pod = {
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: { containers: [{ image: 'ghcr.io/acme/a:1' }], initContainers: [{ image: 'evil/x:1' }] },
    };
    const cron = {
      kind: 'CronJob',
      metadata: { name: 'c' },
      spec: { jobTemplate: { spec: { template: { spec: { containers: [{ image: 'ghcr.io/acme/a:1' }] } } } } },
    };
    expect(admits(vap as unknown as Vap, pod)).toBe(false);
    expect(admits(vap as unknown as Vap, cron)).toBe(true);
  });

  it('binds with the enforcement as validation actions and the namespaces as a selector; the manifests validate', async () => {
    const { policy: vap, binding } = admissionPolicyFor(
      policy('k8sblockloadbalancer', {}, { name: 'No LB', enforcement: 'warn', match: { namespaces: ['shop'] } }),
    );
    expect(binding).toMatchObject({
      kind: 'ValidatingAdmissionPolicyBinding',
      spec: {
        policyName: 'opspilot-no-lb',
        validationActions: ['Warn', 'Audit'],
        matchResources: {
          namespaceSelector: {
            matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: ['shop'] }],
          },
        },
      },
    });
    const report = await validateFiles([{ path: 'vap.yaml', content: `${stringify(vap)}---\n${stringify(binding)}` }]);
    expect(report.findings.filter((f) => f.severity === 'ERROR')).toEqual([]);
  });

  it('names the templates that compile when one does not', () => {
    expect(() => admissionPolicyFor(policy('k8suniqueingresshost'))).toThrow(/other objects/);
  });
});
