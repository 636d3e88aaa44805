import { modelFor } from '../../kube/modelRegistry.js';
import { checkOpenApi } from '../../kube/openApiCheck.js';
import { kubeRule } from '../kubeRule.js';

interface SchemaIssue {
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** True when some field of the value is null. */
function hasNull(value: unknown): boolean {
  if (value === null) return true;
  if (typeof value !== 'object') return false;
  for (const v of Object.values(value as object)) if (hasNull(v)) return true;
  return false;
}

/** A copy of the value without its null fields (null array items are kept: they are errors). */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => (v === null ? v : withoutNulls(v)));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => [k, withoutNulls(v)]),
  );
}

function pathOf(instancePath: string): string {
  return instancePath
    .split('/')
    .filter(Boolean)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce(
      (acc, seg) =>
        /^\d+$/.test(seg) ? `${acc}[${seg}]` : /[./]/.test(seg) ? `${acc}["${seg}"]` : acc ? `${acc}.${seg}` : seg,
      '',
    );
}

/**
 * API conformance (seed 000): the object must match the OpenAPI schema of its apiVersion and kind (types,
 * required fields, enums), checked with kubernetes-models; a custom resource against the openAPIV3Schema of its
 * CRD when the input (or a schema folder) holds it. Null fields count as unset, as the API server reads them.
 * @see https://kubernetes.io/docs/reference/kubernetes-api/
 */
export const k8sSchema = kubeRule({
  id: 'k8s-schema',
  appliesTo: ['*'],
  category: 'reliability',
  severity: 'ERROR',
  description: 'Objects must conform to the Kubernetes API schema of their apiVersion and kind',
  fix: 'correct the field to the type and value the Kubernetes API expects',
  check: (obj, ctx) => {
    const Model = modelFor(obj.apiVersion, obj.kind);
    if (!Model) {
      const schema = ctx.schemas?.lookup(obj.apiVersion, obj.kind);
      if (!schema) return [];
      return checkOpenApi(obj, schema).map((p) => ({
        message: `${p.message} (schema of the ${obj.kind} CRD)`,
        path: p.path || undefined,
      }));
    }
    try {
      // Validate the object as the API server reads it: a null field is an unset one (`effect:` with no value).
      Model.prototype.validate.call(hasNull(obj) ? withoutNulls(obj) : obj);
      return [];
    } catch (error) {
      const issues = ((error as { errors?: SchemaIssue[] }).errors ?? []) as SchemaIssue[];
      if (issues.length === 0) return [{ message: String((error as Error).message ?? error) }];
      return issues.slice(0, 20).map((i) => {
        const path = pathOf(i.instancePath ?? '');
        const missing = i.params?.missingProperty;
        const where = path || '(object)';
        return {
          message: missing
            ? `${where}: required field "${String(missing)}" is missing`
            : `${where} ${i.message ?? 'is invalid'}`,
          path: path || undefined,
        };
      });
    }
  },
});
