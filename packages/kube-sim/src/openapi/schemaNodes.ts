import { readFileSync } from 'node:fs';
import type { ResourceType } from '../api/resourceTypes.js';

/**
 * A scalar type of the Kubernetes API, as field checks and OpenAPI documents need it.
 * @see https://kubernetes.io/docs/concepts/overview/kubernetes-api/#openapi-v3
 */
export type ScalarType =
  | 'string'
  | 'int32'
  | 'int64'
  | 'number'
  | 'boolean'
  | 'date-time'
  | 'int-or-string'
  | 'quantity';

/**
 * The shape of a field: an object with known fields (closed unless `open`), an array, a map, a scalar, or anything.
 * Object fields are computed lazily so recursive schemas (JSONSchemaProps) stay finite.
 * @see https://kubernetes.io/docs/concepts/overview/kubernetes-api/#openapi-v3
 */
export type SchemaNode =
  | { kind: 'object'; name: string; fields(): Record<string, SchemaNode>; open?: boolean; required?: readonly string[] }
  | { kind: 'array'; items: SchemaNode }
  | { kind: 'map'; values: SchemaNode }
  | { kind: 'scalar'; type: ScalarType }
  | { kind: 'any' };

interface Generated {
  kinds: Record<string, string>;
  models: Record<string, Record<string, string>>;
  /** Per model, the fields the API's OpenAPI document marks required. */
  required?: Record<string, string[]>;
}

let generated: Generated | undefined;
const nodes = new Map<string, SchemaNode>();

function load(): Generated {
  generated ??= JSON.parse(readFileSync(new URL('./kubeSchemas.generated.json', import.meta.url), 'utf8')) as Generated;
  return generated;
}

const SCALARS = new Set<string>([
  'string',
  'int32',
  'int64',
  'number',
  'boolean',
  'date-time',
  'int-or-string',
  'quantity',
]);

/**
 * The node of a type name from the generated schemas (`V1PodSpec`, `[]V1Container`, `{}string`, `int32`).
 * @see https://kubernetes.io/docs/concepts/overview/kubernetes-api/#openapi-v3
 */
export function nodeOfType(name: string): SchemaNode {
  if (name.startsWith('[]')) return { kind: 'array', items: nodeOfType(name.slice(2)) };
  if (name.startsWith('{}')) return { kind: 'map', values: nodeOfType(name.slice(2)) };
  if (SCALARS.has(name)) return { kind: 'scalar', type: name as ScalarType };
  const model = load().models[name];
  if (!model) return { kind: 'any' };
  const cached = nodes.get(name);
  if (cached) return cached;
  let fields: Record<string, SchemaNode> | undefined;
  const required = load().required?.[name];
  const node: SchemaNode = {
    kind: 'object',
    name,
    ...(required ? { required } : {}),
    fields: () => {
      fields ??= Object.fromEntries(Object.entries(model).map(([field, type]) => [field, nodeOfType(type)]));
      return fields;
    },
  };
  nodes.set(name, node);
  return node;
}

/**
 * The schema of a built-in kind (from the field types of the Kubernetes API models), or undefined for kinds
 * without one (custom resources, metrics).
 * @see https://kubernetes.io/docs/reference/kubernetes-api/
 */
export function builtinSchema(type: Pick<ResourceType, 'group' | 'version' | 'kind'>): SchemaNode | undefined {
  const model = load().kinds[`${type.group}/${type.version}/${type.kind}`];
  return model ? nodeOfType(model) : undefined;
}

type JsonSchema = Record<string, unknown>;

/**
 * The node of a CRD's structural OpenAPI v3 schema: objects close over their `properties` unless
 * `x-kubernetes-preserve-unknown-fields`; `additionalProperties` makes a map; the root always allows apiVersion,
 * kind and metadata.
 * @see https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#specifying-a-structural-schema
 */
export function crdSchema(schema: JsonSchema | undefined, name: string, root = true): SchemaNode {
  if (!schema || typeof schema !== 'object') return { kind: 'any' };
  if (schema['x-kubernetes-int-or-string'] === true) return { kind: 'scalar', type: 'int-or-string' };
  const type = schema.type;
  if (type === 'array') return { kind: 'array', items: crdSchema(schema.items as JsonSchema | undefined, name, false) };
  if (type === 'string') return { kind: 'scalar', type: 'string' };
  if (type === 'integer') return { kind: 'scalar', type: 'int64' };
  if (type === 'number') return { kind: 'scalar', type: 'number' };
  if (type === 'boolean') return { kind: 'scalar', type: 'boolean' };
  const properties = schema.properties as Record<string, JsonSchema> | undefined;
  const additional = schema.additionalProperties;
  if (!properties && additional && typeof additional === 'object') {
    return { kind: 'map', values: crdSchema(additional as JsonSchema, name, false) };
  }
  if (type !== 'object' && !properties && !root) return { kind: 'any' };
  const open =
    schema['x-kubernetes-preserve-unknown-fields'] === true || schema['x-kubernetes-embedded-resource'] === true;
  let fields: Record<string, SchemaNode> | undefined;
  return {
    kind: 'object',
    name,
    open,
    fields: () => {
      fields ??= {
        ...(root
          ? { apiVersion: nodeOfType('string'), kind: nodeOfType('string'), metadata: nodeOfType('V1ObjectMeta') }
          : {}),
        ...Object.fromEntries(Object.entries(properties ?? {}).map(([k, v]) => [k, crdSchema(v, name, false)])),
      };
      return fields;
    },
  };
}

/**
 * `DeploymentSpec` from `V1DeploymentSpec`, `Event` from `CoreV1Event`: the Go struct name of a model.
 * @see https://kubernetes.io/docs/concepts/overview/kubernetes-api/#openapi-v3
 */
export function structName(model: string): string {
  return model.replace(/^(?:[A-Z][a-z]+)?V\d+(?:alpha\d+|beta\d+)?(?=[A-Z])/, '');
}
