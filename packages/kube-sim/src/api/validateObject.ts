import type { KubeObject } from '../store/kubeObject.js';
import type { ResourceType } from './resourceTypes.js';
import { invalid, type StatusCause } from './statusError.js';

const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** Kinds whose names must be DNS-1123 labels (at most 63 characters) rather than subdomains. */
const LABEL_NAMED = new Set(['Namespace', 'Service']);

/**
 * Checks what the real API server checks before storing any object: a valid name and, for namespaced kinds, a
 * namespace. Returns 422 Invalid with one cause per problem.
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/names/
 */
export function validateObject(resource: ResourceType, obj: KubeObject): void {
  const causes: StatusCause[] = [];
  const name = obj.metadata?.name ?? '';
  if (!name) {
    causes.push({
      reason: 'FieldValueRequired',
      message: 'Required value: name or generateName is required',
      field: 'metadata.name',
    });
  } else if (LABEL_NAMED.has(resource.kind)) {
    if (name.length > 63 || !LABEL.test(name)) {
      causes.push({
        reason: 'FieldValueInvalid',
        message: `Invalid value: "${name}": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character`,
        field: 'metadata.name',
      });
    }
  } else if (!resource.group.endsWith('metrics.k8s.io') && (name.length > 253 || !SUBDOMAIN.test(name))) {
    causes.push({
      reason: 'FieldValueInvalid',
      message: `Invalid value: "${name}": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character`,
      field: 'metadata.name',
    });
  }
  for (const [key, value] of Object.entries(obj.metadata?.labels ?? {})) {
    if (
      typeof value !== 'string' ||
      value.length > 63 ||
      !/^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/.test(value)
    ) {
      causes.push({
        reason: 'FieldValueInvalid',
        message: `Invalid value: "${String(value)}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.'`,
        field: `metadata.labels: ${key}`,
      });
    }
  }
  if (
    resource.kind === 'Deployment' ||
    resource.kind === 'ReplicaSet' ||
    resource.kind === 'StatefulSet' ||
    resource.kind === 'DaemonSet'
  ) {
    const spec = (obj.spec ?? {}) as {
      selector?: { matchLabels?: Record<string, string> };
      template?: { metadata?: { labels?: Record<string, string> } };
    };
    const selector = spec.selector?.matchLabels;
    const labels = spec.template?.metadata?.labels ?? {};
    if (!selector || Object.keys(selector).length === 0) {
      causes.push({ reason: 'FieldValueRequired', message: 'Required value', field: 'spec.selector' });
    } else if (Object.entries(selector).some(([k, v]) => labels[k] !== v)) {
      causes.push({
        reason: 'FieldValueInvalid',
        message: 'Invalid value: selector does not match template labels',
        field: 'spec.template.metadata.labels',
      });
    }
  }
  if (causes.length > 0) throw invalid(resource.kind, name, causes, resource.group);
}
