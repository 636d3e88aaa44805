import { evaluate } from '@marcbachmann/cel-js';
import { validateFiles } from '@opspilot/manifests';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { ADMISSION_TEMPLATES, admissionPolicyFor } from './admissionPolicy.js';
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
];

describe('admissionPolicyFor', () => {
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
      spec: { containers: [{ image: 'ghcr.io/acme/a:1' }], initContainers: [{ image: 'evil/x:1' }] },
    };
    const cron = {
      kind: 'CronJob',
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
    expect(() => admissionPolicyFor(policy('k8suniqueingresshost'))).toThrow(/no ValidatingAdmissionPolicy form yet/);
  });
});
