import type { ResourceRegistry } from '../api/resourceRegistry.js';
import type { ResourceType } from '../api/resourceTypes.js';
import { badRequest, invalid } from '../api/statusError.js';
import { checkFields } from '../openapi/checkFields.js';
import { builtinSchema, crdSchema, type SchemaNode } from '../openapi/schemaNodes.js';
import type { KubeObject } from '../store/kubeObject.js';

/**
 * How unknown fields are treated: dropped silently, dropped with a warning, or refused.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#field-validation
 */
export type FieldValidation = 'Ignore' | 'Warn' | 'Strict';

/**
 * The schema a write is checked against: the built-in kind's, or the served CRD version's.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#field-validation
 */
export function schemaOf(registry: ResourceRegistry, type: ResourceType): SchemaNode | undefined {
  if (registry.isBuiltin(type)) return builtinSchema(type);
  return type.openApiSchema ? crdSchema(type.openApiSchema, type.kind) : undefined;
}

/**
 * Checks a request object against its schema as the API server's decoder does: a value of the wrong type is a
 * 400 for built-ins (`json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type
 * int32`) and a 422 for custom resources; unknown fields are pruned, and refused under `Strict`
 * (`strict decoding error: unknown field "spec.replica"`) or reported in `warnings` under `Warn`.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#field-validation
 */
export function enforceSchema(
  registry: ResourceRegistry,
  type: ResourceType,
  obj: KubeObject,
  mode: FieldValidation,
  warnings: string[],
): void {
  const schema = schemaOf(registry, type);
  if (!schema) return;
  const { unknown, types } = checkFields(schema, obj);
  const builtin = registry.isBuiltin(type);
  const cannot = `${type.kind} in version "${type.version}" cannot be handled as a ${type.kind}`;
  const first = types[0];
  if (first && builtin) {
    throw badRequest(
      `${cannot}: json: cannot unmarshal ${first.got} into Go struct field ${first.struct}.${first.goPath} of type ${first.goType}`,
    );
  }
  if (first) {
    throw invalid(
      type.kind,
      obj.metadata?.name ?? '',
      types.map((t) => ({
        reason: 'FieldValueTypeInvalid',
        message: `Invalid value: "${t.got}": ${t.path} in body must be of type ${t.expected}: "${t.got}"`,
        field: t.path,
      })),
      type.group,
    );
  }
  if (unknown.length === 0) return;
  const messages = unknown.map((path) => `unknown field "${path}"`);
  if (mode === 'Strict') throw badRequest(`${cannot}: strict decoding error: ${messages.join(', ')}`);
  if (mode === 'Warn') warnings.push(...messages);
}
