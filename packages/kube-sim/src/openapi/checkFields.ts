import { type SchemaNode, structName } from './schemaNodes.js';

/**
 * A value of the wrong JSON type for its field.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#field-validation
 */
export interface TypeProblem {
  /** `spec.template.spec.containers[0].env[1].value` */
  path: string;
  /** The same without list indices, as Go's JSON decoder names fields: `spec.template.spec.containers.env.value`. */
  goPath: string;
  /** Go struct holding the field, e.g. `EnvVar`. */
  struct: string;
  /** JSON type sent: `string`, `number`, `bool`, `array`, `object`, or `number 1.5`. */
  got: string;
  /** Go type expected, e.g. `int32`, `string`, `[]v1.Container`. */
  goType: string;
  /** OpenAPI type expected, for custom resource messages: `integer`, `string`, `object`, … */
  expected: string;
}

/**
 * What {@link checkFields} found.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#field-validation
 */
export interface FieldProblems {
  /** Paths of fields the schema does not know (removed from the object). */
  unknown: string[];
  /** Values of the wrong type, in document order. */
  types: TypeProblem[];
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function jsonType(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return 'number';
  return typeof value === 'object' ? 'object' : typeof value;
}

function goType(node: SchemaNode): string {
  switch (node.kind) {
    case 'array':
      return `[]${goType(node.items)}`;
    case 'map':
      return `map[string]${goType(node.values)}`;
    case 'object':
      return `v1.${structName(node.name)}`;
    case 'any':
      return 'interface {}';
    case 'scalar':
      return (
        { boolean: 'bool', number: 'float64', 'int-or-string': 'intstr.IntOrString', quantity: 'resource.Quantity' }[
          node.type as 'boolean'
        ] ?? (node.type === 'int32' || node.type === 'int64' ? node.type : 'string')
      );
  }
}

function expected(node: SchemaNode): string {
  if (node.kind === 'array') return 'array';
  if (node.kind === 'object' || node.kind === 'map') return 'object';
  if (node.kind !== 'scalar') return 'any';
  if (node.type === 'int32' || node.type === 'int64') return 'integer';
  return node.type === 'boolean' || node.type === 'number' ? node.type : 'string';
}

function scalarFits(type: string, value: unknown): boolean {
  switch (type) {
    case 'boolean':
      return typeof value === 'boolean';
    case 'int32':
    case 'int64':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'int-or-string':
    case 'quantity':
      return typeof value === 'string' || typeof value === 'number';
    default:
      return typeof value === 'string';
  }
}

/**
 * Walks an object against its schema as the API server's decoder does: fields the schema does not know are
 * collected and removed (pruned), `null` values dropped, and values of the wrong JSON type reported. The object is
 * changed in place.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#field-validation
 */
export function checkFields(schema: SchemaNode, value: unknown): FieldProblems {
  const problems: FieldProblems = { unknown: [], types: [] };
  const walk = (node: SchemaNode, v: unknown, path: string, goPath: string, struct: string): void => {
    if (node.kind === 'any' || v === null || v === undefined) return;
    const mismatch = (): void => {
      problems.types.push({
        path,
        goPath,
        struct,
        got: typeof v === 'number' && !Number.isInteger(v) ? `number ${v}` : jsonType(v),
        goType: goType(node),
        expected: expected(node),
      });
    };
    if (node.kind === 'scalar') {
      if (!scalarFits(node.type, v)) mismatch();
      return;
    }
    if (node.kind === 'array') {
      if (!Array.isArray(v)) mismatch();
      else for (const [i, item] of v.entries()) walk(node.items, item, `${path}[${i}]`, goPath, struct);
      return;
    }
    if (!isObject(v)) {
      mismatch();
      return;
    }
    const join = (base: string, key: string) => (base ? `${base}.${key}` : key);
    if (node.kind === 'map') {
      for (const [key, item] of Object.entries(v)) {
        if (item === null) delete v[key];
        else walk(node.values, item, join(path, key), goPath, struct);
      }
      return;
    }
    const fields = node.fields();
    const inner = structName(node.name);
    for (const [key, item] of Object.entries(v)) {
      const field = fields[key];
      if (item === null && (field || !node.open)) {
        delete v[key];
      } else if (field) walk(field, item, join(path, key), join(goPath, key), inner);
      else if (!node.open) {
        problems.unknown.push(join(path, key));
        delete v[key];
      }
    }
  };
  walk(schema, value, '', '', structName(schema.kind === 'object' ? schema.name : ''));
  return problems;
}
