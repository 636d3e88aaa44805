import { InputError } from '@opspilot/core';
import { ANY, type Compiled, cel, list, type Params, POD_VARIABLES, SCALABLE, SERVICES, WORKLOADS } from './celText.js';
import { OBJECT_COMPILERS } from './objectAdmissionCompilers.js';
import { POD_COMPILERS } from './podAdmissionCompilers.js';
import { policyTemplate } from './policyLibrary.js';
import type { SecurityPolicy } from './securityPolicy.js';

export type { CelValidation } from './celText.js';

const BASE_COMPILERS: Record<string, (p: Params) => Compiled> = {
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

const COMPILERS: Record<string, (p: Params) => Compiled> = {
  ...BASE_COMPILERS,
  ...POD_COMPILERS,
  ...OBJECT_COMPILERS,
};

/** The templates that compile to a ValidatingAdmissionPolicy. */
export const ADMISSION_TEMPLATES: readonly string[] = Object.keys(COMPILERS).sort();

/**
 * Templates that judge an object against other objects (a host or selector another object uses, a
 * PodDisruptionBudget that covers it): an admission policy sees only the object under review, so these audit only.
 */
export const CROSS_OBJECT_TEMPLATES: readonly string[] = [
  'k8srequirepdb',
  'k8suniqueingresshost',
  'k8suniqueserviceselector',
];

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
    throw new InputError(
      CROSS_OBJECT_TEMPLATES.includes(policy.template)
        ? `the template ${policy.template} compares an object with other objects, which an admission policy cannot see`
        : `the template ${policy.template} has no ValidatingAdmissionPolicy form`,
      { hint: `these compile to CEL: ${ADMISSION_TEMPLATES.join(', ')}; the policy still audits` },
    );
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
        ...(WORKLOAD_TEMPLATES.has(policy.template) || compiled.pod ? { variables: POD_VARIABLES } : {}),
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
