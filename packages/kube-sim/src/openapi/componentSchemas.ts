import type { ResourceType } from '../api/resourceTypes.js';
import { builtinSchema, nodeOfType, type SchemaNode, structName } from './schemaNodes.js';

type Schema = Record<string, unknown>;

/** Patch strategies of list fields (`patchStrategy`/`patchMergeKey` in the Go types), for kubectl's apply. */
const PATCH_LISTS: Record<string, [strategy: string, key?: string]> = {
  'V1PodSpec.containers': ['merge', 'name'],
  'V1PodSpec.initContainers': ['merge', 'name'],
  'V1PodSpec.ephemeralContainers': ['merge', 'name'],
  'V1PodSpec.volumes': ['merge,retainKeys', 'name'],
  'V1PodSpec.imagePullSecrets': ['merge', 'name'],
  'V1PodSpec.hostAliases': ['merge', 'ip'],
  'V1PodSpec.topologySpreadConstraints': ['merge', 'topologyKey'],
  'V1PodSpec.schedulingGates': ['merge', 'name'],
  'V1Container.env': ['merge', 'name'],
  'V1Container.ports': ['merge', 'containerPort'],
  'V1Container.volumeMounts': ['merge', 'mountPath'],
  'V1Container.volumeDevices': ['merge', 'devicePath'],
  'V1ServiceSpec.ports': ['merge', 'port'],
  'V1ObjectMeta.finalizers': ['merge'],
  'V1ObjectMeta.ownerReferences': ['merge', 'uid'],
  'V1NodeStatus.addresses': ['merge', 'type'],
};

/**
 * `io.k8s.api.v1.DeploymentSpec` from `V1DeploymentSpec`: a model's component name.
 * @see https://kubernetes.io/docs/concepts/overview/kubernetes-api/#openapi-v3
 */
export function componentName(model: string): string {
  const struct = structName(model);
  return `io.k8s.api.${model.slice(0, model.length - struct.length).toLowerCase()}.${struct}`;
}

const SCALARS: Record<string, Schema> = {
  string: { type: 'string' },
  'date-time': { type: 'string', format: 'date-time' },
  int32: { type: 'integer', format: 'int32' },
  int64: { type: 'integer', format: 'int64' },
  number: { type: 'number', format: 'double' },
  boolean: { type: 'boolean' },
  'int-or-string': { type: 'string', format: 'int-or-string', 'x-kubernetes-int-or-string': true },
  quantity: { type: 'string', format: 'quantity' },
};

/**
 * Collects the OpenAPI v3 component schemas of built-in kinds: each model (`io.k8s.api.v1.PodSpec`, …) with typed
 * properties, `allOf` references as the real server writes them, patch strategies on merged lists, and
 * `x-kubernetes-group-version-kind` on the top-level kinds — enough for `kubectl explain` and `kubectl apply`.
 * @see https://kubernetes.io/docs/concepts/overview/kubernetes-api/#openapi-v3
 */
export class ComponentSchemas {
  readonly schemas: Record<string, Schema> = {};

  /** Adds a built-in kind (and every model it uses); returns its component name, or undefined without a schema. */
  addKind(type: ResourceType): string | undefined {
    const node = builtinSchema(type);
    if (node?.kind !== 'object') return undefined;
    const name = this.addModel(node.name);
    const gvk = { group: type.group, version: type.version, kind: type.kind };
    const schema = this.schemas[name]!;
    const existing = (schema['x-kubernetes-group-version-kind'] as object[] | undefined) ?? [];
    schema['x-kubernetes-group-version-kind'] = [...existing, gvk];
    return name;
  }

  /** Adds a custom resource's schema from its CRD, with metadata typed as ObjectMeta. */
  addCustom(type: ResourceType): string {
    const name = `${type.group.split('.').reverse().join('.')}.${type.version}.${type.kind}`;
    const given = (type.openApiSchema ?? { type: 'object', 'x-kubernetes-preserve-unknown-fields': true }) as Schema;
    const properties = { ...((given.properties as Schema | undefined) ?? {}) };
    properties.apiVersion ??= { type: 'string' };
    properties.kind ??= { type: 'string' };
    properties.metadata = this.ref(this.addModel('V1ObjectMeta'));
    this.schemas[name] = {
      ...given,
      type: 'object',
      properties,
      'x-kubernetes-group-version-kind': [{ group: type.group, version: type.version, kind: type.kind }],
    };
    return name;
  }

  private ref(name: string): Schema {
    return { allOf: [{ $ref: `#/components/schemas/${name}` }], default: {} };
  }

  private addModel(model: string): string {
    const name = componentName(model);
    if (this.schemas[name]) return name;
    const node = nodeOfType(model);
    if (node.kind !== 'object') return name;
    const schema: Schema = { type: 'object', description: `${structName(model)} of the Kubernetes API.` };
    this.schemas[name] = schema;
    const properties: Record<string, Schema> = {};
    for (const [field, child] of Object.entries(node.fields())) {
      properties[field] = this.schemaOf(child);
      const patch = PATCH_LISTS[`${model}.${field}`];
      if (patch) {
        properties[field]['x-kubernetes-patch-strategy'] = patch[0];
        if (patch[1]) properties[field]['x-kubernetes-patch-merge-key'] = patch[1];
      }
    }
    schema.properties = properties;
    if (node.required && node.required.length > 0) schema.required = [...node.required];
    return name;
  }

  private schemaOf(node: SchemaNode): Schema {
    switch (node.kind) {
      case 'object':
        return this.ref(this.addModel(node.name));
      case 'array':
        return { type: 'array', items: this.schemaOf(node.items) };
      case 'map':
        return { type: 'object', additionalProperties: this.schemaOf(node.values) };
      case 'scalar':
        return { ...SCALARS[node.type] };
      case 'any':
        return { 'x-kubernetes-preserve-unknown-fields': true };
    }
  }
}
