import { InputError } from '@opspilot/core';
import { policyTemplate } from './policyLibrary.js';
import type { SecurityPolicy } from './securityPolicy.js';

/** One CEL validation of a ValidatingAdmissionPolicy. */
export interface CelValidation {
  expression: string;
  message: string;
}

/** The CEL of one template: what it admits, and the resources it applies to. */
interface Compiled {
  resources: { apiGroups: string[]; apiVersions: string[]; resources: string[] }[];
  validations: CelValidation[];
}

const WORKLOADS = [
  { apiGroups: [''], apiVersions: ['v1'], resources: ['pods'] },
  { apiGroups: ['apps'], apiVersions: ['v1'], resources: ['deployments', 'statefulsets', 'daemonsets', 'replicasets'] },
  { apiGroups: ['batch'], apiVersions: ['v1'], resources: ['jobs', 'cronjobs'] },
];
const SERVICES = [{ apiGroups: [''], apiVersions: ['v1'], resources: ['services'] }];
const SCALABLE = [
  { apiGroups: ['apps'], apiVersions: ['v1'], resources: ['deployments', 'statefulsets', 'replicasets'] },
];
const ANY = [{ apiGroups: ['*'], apiVersions: ['*'], resources: ['*'] }];

/** The pod spec of a Pod, a workload or a CronJob, as a CEL variable. */
const POD_SPEC =
  "object.kind == 'Pod' ? object.spec : object.kind == 'CronJob' ? object.spec.jobTemplate.spec.template.spec : object.spec.template.spec";
const CONTAINERS =
  'variables.podSpec.containers + (has(variables.podSpec.initContainers) ? variables.podSpec.initContainers : [])';

const cel = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const list = (xs: readonly string[]) => `[${xs.map(cel).join(', ')}]`;

type Params = Record<string, unknown>;
const COMPILERS: Record<string, (p: Params) => Compiled> = {
  k8sblockloadbalancer: () => ({
    resources: SERVICES,
    validations: [
      { expression: "object.spec.type != 'LoadBalancer'", message: 'Services of type LoadBalancer are not allowed' },
    ],
  }),
  k8sblocknodeport: () => ({
    resources: SERVICES,
    validations: [
      { expression: "object.spec.type != 'NodePort'", message: 'Services of type NodePort are not allowed' },
    ],
  }),
  k8srequiredlabels: (p) => ({
    resources: ANY,
    validations: (p.labels as { key: string; allowedRegex?: string }[]).map((l) => ({
      expression: `has(object.metadata.labels) && ${cel(l.key)} in object.metadata.labels${
        l.allowedRegex ? ` && object.metadata.labels[${cel(l.key)}].matches(${cel(l.allowedRegex)})` : ''
      }`,
      message: `the label ${l.key} is required${l.allowedRegex ? ` and must match ${l.allowedRegex}` : ''}`,
    })),
  }),
  k8sallowedrepos: (p) => ({
    resources: WORKLOADS,
    validations: [
      {
        expression: `variables.containers.all(c, ${list(p.repos as string[])}.exists(r, c.image.startsWith(r)))`,
        message: `images must come from ${(p.repos as string[]).join(', ')}`,
      },
    ],
  }),
  k8sdisallowedtags: (p) => ({
    resources: WORKLOADS,
    validations: [
      {
        expression: `variables.containers.all(c, c.image.contains('@') || (c.image.matches(':[^/]+$') && !${list(
          p.tags as string[],
        )}.exists(t, c.image.endsWith(':' + t))))`,
        message: `images must name a tag other than ${(p.tags as string[]).join(', ')}`,
      },
    ],
  }),
  k8simagedigests: () => ({
    resources: WORKLOADS,
    validations: [
      {
        expression: "variables.containers.all(c, c.image.contains('@sha256:'))",
        message: 'images must be pinned by digest',
      },
    ],
  }),
  k8spspprivilegedcontainer: () => ({
    resources: WORKLOADS,
    validations: [
      {
        expression:
          'variables.containers.all(c, !has(c.securityContext) || !has(c.securityContext.privileged) || c.securityContext.privileged == false)',
        message: 'privileged containers are not allowed',
      },
    ],
  }),
  k8spsphostnamespace: () => ({
    resources: WORKLOADS,
    validations: [
      {
        expression:
          '(!has(variables.podSpec.hostPID) || variables.podSpec.hostPID == false) && (!has(variables.podSpec.hostIPC) || variables.podSpec.hostIPC == false)',
        message: 'sharing the host PID or IPC namespace is not allowed',
      },
    ],
  }),
  k8spspallowprivilegeescalationcontainer: () => ({
    resources: WORKLOADS,
    validations: [
      {
        expression:
          'variables.containers.all(c, has(c.securityContext) && has(c.securityContext.allowPrivilegeEscalation) && c.securityContext.allowPrivilegeEscalation == false)',
        message: 'containers must set allowPrivilegeEscalation: false',
      },
    ],
  }),
  k8spspreadonlyrootfilesystem: () => ({
    resources: WORKLOADS,
    validations: [
      {
        expression:
          'variables.containers.all(c, has(c.securityContext) && has(c.securityContext.readOnlyRootFilesystem) && c.securityContext.readOnlyRootFilesystem == true)',
        message: 'containers must set readOnlyRootFilesystem: true',
      },
    ],
  }),
  k8sreplicalimits: (p) => {
    const ranges = p.ranges as { min_replicas: number; max_replicas: number }[];
    return {
      resources: SCALABLE,
      validations: [
        {
          expression: `!has(object.spec.replicas) || ${ranges
            .map((r) => `(object.spec.replicas >= ${r.min_replicas} && object.spec.replicas <= ${r.max_replicas})`)
            .join(' || ')}`,
          message: `replicas must be within ${ranges.map((r) => `${r.min_replicas}–${r.max_replicas}`).join(' or ')}`,
        },
      ],
    };
  },
};

/** The templates that compile to a ValidatingAdmissionPolicy. */
export const ADMISSION_TEMPLATES: readonly string[] = Object.keys(COMPILERS).sort();

const WORKLOAD_TEMPLATES = new Set([
  'k8sallowedrepos',
  'k8sdisallowedtags',
  'k8simagedigests',
  'k8spspprivilegedcontainer',
  'k8spsphostnamespace',
  'k8spspallowprivilegeescalationcontainer',
  'k8spspreadonlyrootfilesystem',
]);

/**
 * Compiles a policy to a `ValidatingAdmissionPolicy` (CEL validations, admissionregistration.k8s.io/v1) and its
 * `ValidatingAdmissionPolicyBinding` (the policy's namespaces as a namespace selector; `deny` → Deny, `warn` → Warn,
 * `audit` → Audit). Only the templates in {@link ADMISSION_TEMPLATES} compile; another is an InputError naming them.
 * @see https://kubernetes.io/docs/reference/access-authn-authz/validating-admission-policy/
 */
export function admissionPolicyFor(policy: SecurityPolicy): {
  policy: Record<string, unknown>;
  binding: Record<string, unknown>;
} {
  const compile = COMPILERS[policy.template];
  const template = policyTemplate(policy.template);
  if (!compile || !template)
    throw new InputError(`the template ${policy.template} has no ValidatingAdmissionPolicy form yet`, {
      hint: `these compile to CEL: ${ADMISSION_TEMPLATES.join(', ')}; the policy still audits`,
    });
  const parameters = template.parameters.parse(policy.parameters) as Params;
  const compiled = compile(parameters);
  const name = `opspilot-${policy.name}`
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .slice(0, 253);
  const namespaceSelector =
    policy.match.namespaces?.length || policy.match.excludedNamespaces?.length
      ? {
          matchExpressions: [
            ...(policy.match.namespaces?.length
              ? [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: policy.match.namespaces }]
              : []),
            ...(policy.match.excludedNamespaces?.length
              ? [{ key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: policy.match.excludedNamespaces }]
              : []),
          ],
        }
      : undefined;
  const action = policy.enforcement === 'deny' ? 'Deny' : policy.enforcement === 'warn' ? 'Warn' : 'Audit';
  return {
    policy: {
      apiVersion: 'admissionregistration.k8s.io/v1',
      kind: 'ValidatingAdmissionPolicy',
      metadata: {
        name,
        labels: { 'app.kubernetes.io/managed-by': 'opspilot' },
        annotations: { 'opspilot.dev/template': policy.template },
      },
      spec: {
        failurePolicy: 'Fail',
        matchConstraints: {
          resourceRules: compiled.resources.map((r) => ({ ...r, operations: ['CREATE', 'UPDATE'] })),
        },
        ...(WORKLOAD_TEMPLATES.has(policy.template)
          ? {
              variables: [
                { name: 'podSpec', expression: POD_SPEC },
                { name: 'containers', expression: CONTAINERS },
              ],
            }
          : {}),
        validations: compiled.validations,
      },
    },
    binding: {
      apiVersion: 'admissionregistration.k8s.io/v1',
      kind: 'ValidatingAdmissionPolicyBinding',
      metadata: { name, labels: { 'app.kubernetes.io/managed-by': 'opspilot' } },
      spec: {
        policyName: name,
        validationActions: action === 'Warn' ? ['Warn', 'Audit'] : [action],
        ...(namespaceSelector ? { matchResources: { namespaceSelector } } : {}),
      },
    },
  };
}
