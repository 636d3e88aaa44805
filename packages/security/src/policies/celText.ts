/** One CEL validation of a ValidatingAdmissionPolicy. */
export interface CelValidation {
  expression: string;
  message: string;
  messageExpression?: string;
}

/** A resource rule of a policy's `matchConstraints` (operations are added when it is compiled). */
export interface CelResources {
  apiGroups: string[];
  apiVersions: string[];
  resources: string[];
}

/** The CEL of one template: what it admits, the resources it applies to, and whether it reads the pod spec. */
export interface Compiled {
  resources: CelResources[];
  validations: CelValidation[];
  /** Reads `variables.podSpec`, `variables.podMeta` and `variables.containers`. */
  pod?: boolean;
}

/** A template's parameters after its schema parsed them. */
export type Params = Record<string, unknown>;

/** Pods, workloads and CronJobs. */
export const WORKLOADS: CelResources[] = [
  { apiGroups: [''], apiVersions: ['v1'], resources: ['pods'] },
  { apiGroups: ['apps'], apiVersions: ['v1'], resources: ['deployments', 'statefulsets', 'daemonsets', 'replicasets'] },
  { apiGroups: ['batch'], apiVersions: ['v1'], resources: ['jobs', 'cronjobs'] },
];
export const SERVICES: CelResources[] = [{ apiGroups: [''], apiVersions: ['v1'], resources: ['services'] }];
export const INGRESSES: CelResources[] = [
  { apiGroups: ['networking.k8s.io'], apiVersions: ['v1'], resources: ['ingresses'] },
];
export const SCALABLE: CelResources[] = [
  { apiGroups: ['apps'], apiVersions: ['v1'], resources: ['deployments', 'statefulsets', 'replicasets'] },
];
export const ANY: CelResources[] = [{ apiGroups: ['*'], apiVersions: ['*'], resources: ['*'] }];

/** The pod spec, pod metadata and all containers of a Pod, a workload or a CronJob, as CEL variables. */
export const POD_VARIABLES = [
  {
    name: 'podSpec',
    expression:
      "object.kind == 'Pod' ? object.spec : object.kind == 'CronJob' ? object.spec.jobTemplate.spec.template.spec : object.spec.template.spec",
  },
  {
    name: 'podMeta',
    expression:
      "object.kind == 'Pod' ? object.metadata : object.kind == 'CronJob' ? object.spec.jobTemplate.spec.template.?metadata.orValue({}) : object.spec.template.?metadata.orValue({})",
  },
  {
    name: 'containers',
    expression:
      'variables.podSpec.containers + (has(variables.podSpec.initContainers) ? variables.podSpec.initContainers : [])',
  },
];

/** A CEL string literal. */
export const cel = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
/** A CEL list of string literals. */
export const list = (xs: readonly string[]) => `[${xs.map(cel).join(', ')}]`;
/** A CEL double literal (CEL does not mix int and double in arithmetic). */
export const double = (n: number) => (Number.isInteger(n) ? `${n}.0` : String(n));

/**
 * A container's securityContext field with the pod's as fallback, else `fallback` (for container `c`):
 * `secField('runAsUser', '-1')`.
 */
export function secField(field: string, fallback: string, tail = ''): string {
  return `((has(c.securityContext) && has(c.securityContext.${field})) ? c.securityContext.${field}${tail} : (has(variables.podSpec.securityContext) && has(variables.podSpec.securityContext.${field})) ? variables.podSpec.securityContext.${field}${tail} : ${fallback})`;
}
