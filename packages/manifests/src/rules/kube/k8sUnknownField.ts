import { fieldsOf, modelNameOf } from '../../kube/fieldTypes.js';
import { joinFieldPath } from '../../yaml/fieldPath.js';
import { kubeRule, type Problem } from '../kubeRule.js';

const ARRAY = /^Array<(.+)>$/;
const RECORD = /^\{ \[key: string\]: (.+); \}$/;
const MAX_PROBLEMS = 50;

function walk(value: unknown, type: string, path: string, out: Problem[]): void {
  if (out.length >= MAX_PROBLEMS || value === null || typeof value !== 'object') return;
  const array = ARRAY.exec(type);
  if (array?.[1]) {
    if (Array.isArray(value)) for (const [i, v] of value.entries()) walk(v, array[1], joinFieldPath(path, i), out);
    return;
  }
  const record = RECORD.exec(type);
  if (record?.[1]) {
    for (const [k, v] of Object.entries(value)) walk(v, record[1], joinFieldPath(path, k), out);
    return;
  }
  const fields = fieldsOf(type);
  if (!fields || Array.isArray(value)) return;
  for (const [key, child] of Object.entries(value)) {
    const childType = fields.get(key);
    const childPath = joinFieldPath(path, key);
    if (childType === undefined) {
      out.push({ message: `unknown field "${childPath}"`, path: childPath });
      if (out.length >= MAX_PROBLEMS) return;
    } else walk(child, childType, childPath, out);
  }
}

/**
 * Strict decoding: a field the API does not define (a typo such as `contianers` or `imagePullPolicy` at the
 * wrong level) is dropped or rejected by the API server. Walks the object against client-node's model types.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#field-validation
 */
export const k8sUnknownField = kubeRule({
  id: 'k8s-unknown-field',
  appliesTo: ['*'],
  category: 'reliability',
  severity: 'ERROR',
  description: 'Objects must not contain fields the Kubernetes API does not define',
  fix: 'fix the spelling or the indentation of the field, or remove it',
  check: (obj) => {
    const type = modelNameOf(obj.apiVersion, obj.kind);
    if (!type) return [];
    const out: Problem[] = [];
    walk(obj, type, '', out);
    return out;
  },
});
