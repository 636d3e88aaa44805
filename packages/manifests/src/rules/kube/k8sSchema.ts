import { modelFor } from '../../kube/modelRegistry.js';
import { kubeRule } from '../kubeRule.js';

interface SchemaIssue {
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
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
 * required fields, enums), checked with kubernetes-models. Kinds the schema set does not know (custom
 * resources) are skipped.
 * @see https://kubernetes.io/docs/reference/kubernetes-api/
 */
export const k8sSchema = kubeRule({
  id: 'k8s-schema',
  appliesTo: ['*'],
  category: 'reliability',
  severity: 'ERROR',
  description: 'Objects must conform to the Kubernetes API schema of their apiVersion and kind',
  fix: 'correct the field to the type and value the Kubernetes API expects',
  check: (obj) => {
    const Model = modelFor(obj.apiVersion, obj.kind);
    if (!Model) return [];
    try {
      // Validate the object as it is: constructing the model would copy it first.
      Model.prototype.validate.call(obj);
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
