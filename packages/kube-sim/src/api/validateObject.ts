import { cronJobCauses } from '../controllers/cronSchedule.js';
import { missingRequiredFields } from '../openapi/requiredFields.js';
import { builtinSchema } from '../openapi/schemaNodes.js';
import type { KubeObject } from '../store/kubeObject.js';
import { autoscalerCauses } from './autoscalerCauses.js';
import type { ResourceType } from './resourceTypes.js';
import { invalid, type StatusCause } from './statusError.js';
import { labelCauses, nameCauses } from './validateNames.js';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const list = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : []);
const WORKLOADS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet']);
const CONTAINER_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

function required(field: string): StatusCause {
  return { reason: 'FieldValueRequired', message: 'Required value', field };
}

function unsupported(field: string, value: unknown, supported: string[]): StatusCause {
  return {
    reason: 'FieldValueNotSupported',
    message: `Unsupported value: ${JSON.stringify(value)}: supported values: ${supported.map((s) => `"${s}"`).join(', ')}`,
    field,
  };
}

function podSpecCauses(spec: Json, path: string): StatusCause[] {
  const causes: StatusCause[] = [];
  const containers = list(spec.containers);
  if (containers.length === 0) causes.push(required(`${path}.containers`));
  const seen = new Set<string>();
  for (const [key, group] of [
    ['initContainers', list(spec.initContainers)],
    ['containers', containers],
  ] as const) {
    group.forEach((c, i) => {
      const at = `${path}.${key}[${i}]`;
      const name = typeof c.name === 'string' ? c.name : '';
      if (!name) causes.push(required(`${at}.name`));
      else if (!CONTAINER_NAME.test(name) || name.length > 63)
        causes.push(...nameCauses({ group: '', kind: 'Namespace' }, name).map((x) => ({ ...x, field: `${at}.name` })));
      else if (seen.has(name))
        causes.push({ reason: 'FieldValueDuplicate', message: `Duplicate value: "${name}"`, field: `${at}.name` });
      seen.add(name);
      if (typeof c.image !== 'string' || c.image.trim() === '') causes.push(required(`${at}.image`));
      list(c.ports).forEach((p, j) => {
        const port = p.containerPort;
        if (typeof port !== 'number' || port < 1 || port > 65535) {
          causes.push({
            reason: 'FieldValueInvalid',
            message: `Invalid value: ${JSON.stringify(port ?? 0)}: must be between 1 and 65535, inclusive`,
            field: `${at}.ports[${j}].containerPort`,
          });
        }
      });
    });
  }
  return causes;
}

/** The pod template of a workload (`base` = `spec`) or of a cron job's job template (`spec.jobTemplate.spec`). */
function templateCauses(obj: KubeObject, spec: Json, base = 'spec'): StatusCause[] {
  const template = isObject(spec.template) ? spec.template : {};
  const podSpec = isObject(template.spec) ? template.spec : {};
  const causes = podSpecCauses(podSpec, `${base}.template.spec`);
  const meta = isObject(template.metadata) ? template.metadata : {};
  causes.push(...labelCauses(meta.labels, meta.annotations, `${base}.template.metadata`));
  const restart = podSpec.restartPolicy;
  if ((obj.kind === 'Job' || obj.kind === 'CronJob') && restart !== 'OnFailure' && restart !== 'Never') {
    causes.push(unsupported(`${base}.template.spec.restartPolicy`, restart ?? '', ['OnFailure', 'Never']));
  }
  if (WORKLOADS.has(obj.kind) && restart !== undefined && restart !== 'Always') {
    causes.push(unsupported('spec.template.spec.restartPolicy', restart, ['Always']));
  }
  return causes;
}

function selectorCauses(obj: KubeObject, spec: Json): StatusCause[] {
  const selector = isObject(spec.selector) ? spec.selector : undefined;
  const template = isObject(spec.template) ? spec.template : {};
  const labels = ((isObject(template.metadata) ? template.metadata.labels : undefined) ?? {}) as Json;
  if (!selector) return [required('spec.selector')];
  const matchLabels = (isObject(selector.matchLabels) ? selector.matchLabels : {}) as Json;
  if (Object.keys(matchLabels).length === 0 && list(selector.matchExpressions).length === 0) {
    return [
      {
        reason: 'FieldValueInvalid',
        message: `Invalid value: ${JSON.stringify(selector)}: empty selector is invalid for ${obj.kind.toLowerCase()}`,
        field: 'spec.selector',
      },
    ];
  }
  if (Object.entries(matchLabels).some(([k, v]) => labels[k] !== v)) {
    return [
      {
        reason: 'FieldValueInvalid',
        message: `Invalid value: ${JSON.stringify(labels)}: \`selector\` does not match template \`labels\``,
        field: 'spec.template.metadata.labels',
      },
    ];
  }
  return [];
}

function serviceCauses(spec: Json): StatusCause[] {
  const causes: StatusCause[] = [];
  const types = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];
  if (spec.type !== undefined && !types.includes(String(spec.type)))
    causes.push(unsupported('spec.type', spec.type, types));
  const ports = list(spec.ports);
  if (ports.length === 0 && spec.type !== 'ExternalName' && spec.clusterIP !== 'None')
    causes.push(required('spec.ports'));
  ports.forEach((p, i) => {
    if (typeof p.port !== 'number' || p.port < 1 || p.port > 65535) {
      causes.push({
        reason: 'FieldValueInvalid',
        message: `Invalid value: ${JSON.stringify(p.port ?? 0)}: must be between 1 and 65535, inclusive`,
        field: `spec.ports[${i}].port`,
      });
    }
    if (ports.length > 1 && !p.name) causes.push(required(`spec.ports[${i}].name`));
  });
  return causes;
}

function replicasCauses(spec: Json): StatusCause[] {
  const replicas = spec.replicas;
  if (replicas === undefined || (typeof replicas === 'number' && Number.isInteger(replicas) && replicas >= 0))
    return [];
  return [
    {
      reason: 'FieldValueInvalid',
      message: `Invalid value: ${JSON.stringify(replicas)}: must be greater than or equal to 0`,
      field: 'spec.replicas',
    },
  ];
}

function requiredCauses(resource: ResourceType, obj: KubeObject): StatusCause[] {
  const schema = builtinSchema(resource);
  if (!schema) return [];
  return missingRequiredFields(schema, obj).map(required);
}

/**
 * Checks what the real API server checks before storing a built-in object (after defaulting): name, labels and
 * annotations; the fields the kind's API schema requires (`spec.scaleTargetRef: Required value`, a RoleBinding's
 * `roleRef`, a rule's `verbs`, …); containers of pods and templates (also a cron job's job template); workload
 * selectors matching their template; replicas; restart policies of jobs and workloads; service type and ports;
 * autoscaler bounds and metric sources. Throws 422 Invalid with one cause per problem.
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/names/
 */
export function validateObject(resource: ResourceType, obj: KubeObject, builtin = true): void {
  const causes: StatusCause[] = [
    ...nameCauses(resource, obj.metadata?.name ?? '', obj.metadata?.generateName),
    ...labelCauses(obj.metadata?.labels, obj.metadata?.annotations),
  ];
  const spec = isObject(obj.spec) ? obj.spec : {};
  if (builtin) {
    causes.push(...requiredCauses(resource, obj));
    if (resource.kind === 'Pod') causes.push(...podSpecCauses(spec, 'spec'));
    if (WORKLOADS.has(resource.kind) || resource.kind === 'Job') {
      causes.push(...replicasCauses(spec), ...templateCauses(obj, spec));
      if (WORKLOADS.has(resource.kind)) causes.push(...selectorCauses(obj, spec));
    }
    if (resource.kind === 'Service' && resource.group === '') causes.push(...serviceCauses(spec));
    if (resource.kind === 'CronJob' && resource.group === 'batch') {
      causes.push(...cronJobCauses(spec));
      const jobTemplate = isObject(spec.jobTemplate) ? spec.jobTemplate : {};
      const jobSpec = isObject(jobTemplate.spec) ? jobTemplate.spec : {};
      causes.push(...templateCauses(obj, jobSpec, 'spec.jobTemplate.spec'));
    }
    if (resource.kind === 'HorizontalPodAutoscaler') causes.push(...autoscalerCauses(spec));
  }
  const unique = [...new Map(causes.map((c) => [`${c.field}\n${c.message}`, c])).values()];
  if (unique.length > 0)
    throw invalid(resource.kind, obj.metadata?.name || obj.metadata?.generateName || '', unique, resource.group);
}
