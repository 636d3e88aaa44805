import type { SchemaNode } from './schemaNodes.js';

/**
 * Fields the OpenAPI document marks required that the real API server still accepts when missing (the Go zero
 * value passes its validation, or defaulting fills them in first).
 */
const NOT_ENFORCED = new Set([
  'CoreV1Event.involvedObject',
  'CoreV1Event.metadata',
  'V1LimitRangeSpec.limits',
  'V1EndpointSlice.endpoints',
  'V1RoleRef.apiGroup',
  'V1PodFailurePolicy.rules',
]);

/**
 * Required numbers whose zero value the real validation refuses (`must be greater than 0`, `must be between 1 and
 * 65535` — container and service ports have their own checks); other required numbers and booleans are accepted as their zero value, as Go decodes a missing field.
 */
const REQUIRED_NUMBERS = new Set([
  'V2HorizontalPodAutoscalerSpec.maxReplicas',
  'V1HorizontalPodAutoscalerSpec.maxReplicas',
  'V2HPAScalingPolicy.value',
  'V2HPAScalingPolicy.periodSeconds',
  'V1TopologySpreadConstraint.maxSkew',
  'CoreV1EndpointPort.port',
  'V1GRPCAction.port',
]);

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function missing(model: string, field: string, node: SchemaNode, value: unknown): boolean {
  if (NOT_ENFORCED.has(`${model}.${field}`)) return false;
  if (node.kind === 'any') return false;
  if (node.kind === 'scalar') {
    if (node.type === 'string') return value === undefined || value === '';
    if (node.type === 'int-or-string' || node.type === 'quantity') return value === undefined || value === '';
    return value === undefined && REQUIRED_NUMBERS.has(`${model}.${field}`);
  }
  if (node.kind === 'array') return value === undefined || (Array.isArray(value) && value.length === 0);
  return value === undefined;
}

/**
 * The paths of required fields missing from an object (after its wrong-typed and unknown fields were dealt with by
 * `checkFields`), per the built-in kinds' OpenAPI `required` lists, e.g. `spec.scaleTargetRef` of a
 * HorizontalPodAutoscaler, `spec.template.spec.containers[0].name`, `roleRef` of a RoleBinding. An empty string or
 * list counts as missing; `status` is not checked (the server owns it).
 * @see https://kubernetes.io/docs/reference/kubernetes-api/
 */
export function missingRequiredFields(schema: SchemaNode, value: unknown): string[] {
  const found: string[] = [];
  const join = (base: string, key: string) => (base ? `${base}.${key}` : key);
  const walk = (node: SchemaNode, v: unknown, path: string): void => {
    if (node.kind === 'array') {
      if (Array.isArray(v)) for (const [i, item] of v.entries()) walk(node.items, item, `${path}[${i}]`);
      return;
    }
    if (!isObject(v)) return;
    if (node.kind === 'map') {
      for (const [key, item] of Object.entries(v)) walk(node.values, item, join(path, key));
      return;
    }
    if (node.kind !== 'object') return;
    const fields = node.fields();
    for (const field of node.required ?? []) {
      const child = fields[field];
      if (child && missing(node.name, field, child, v[field])) found.push(join(path, field));
    }
    for (const [key, item] of Object.entries(v)) {
      const child = fields[key];
      if (child && key !== 'status') walk(child, item, join(path, key));
    }
  };
  walk(schema, value, '');
  return found;
}
