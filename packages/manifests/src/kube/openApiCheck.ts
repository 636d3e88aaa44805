/** A (structural) OpenAPI v3 / JSON schema, as a CRD's `openAPIV3Schema` or a CRD catalog file holds it. */
export interface OpenApiSchema {
  type?: string | string[];
  properties?: Record<string, OpenApiSchema>;
  additionalProperties?: boolean | OpenApiSchema;
  required?: string[];
  items?: OpenApiSchema;
  enum?: unknown[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
  anyOf?: OpenApiSchema[];
  oneOf?: OpenApiSchema[];
  allOf?: OpenApiSchema[];
  'x-kubernetes-int-or-string'?: boolean;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  'x-kubernetes-embedded-resource'?: boolean;
}

/** One schema problem: the field path (`spec.replicas`) and what is wrong. */
export interface SchemaProblem {
  path: string;
  message: string;
}

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function typeMatches(want: string, v: unknown): boolean {
  const got = typeOf(v);
  return got === want || (want === 'number' && got === 'integer');
}

const child = (path: string, key: string) =>
  /^[A-Za-z_][\w-]*$/.test(key) ? (path ? `${path}.${key}` : key) : `${path}["${key}"]`;

/**
 * Checks a value against a structural schema: types, required fields, enums, bounds, patterns, unknown fields
 * (pruned by the API server unless `x-kubernetes-preserve-unknown-fields`, so reported), and `anyOf`/`oneOf`/
 * `allOf`. Null stands for an unset field. At most `limit` problems are returned.
 * @see https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#specifying-a-structural-schema
 */
export function checkOpenApi(
  value: unknown,
  schema: OpenApiSchema,
  path = '',
  out: SchemaProblem[] = [],
  limit = 20,
): SchemaProblem[] {
  if (out.length >= limit || value === null || value === undefined) return out;
  const where = path || '(object)';
  if (schema.allOf) for (const s of schema.allOf) checkOpenApi(value, s, path, out, limit);
  for (const alternatives of [schema.anyOf, schema.oneOf]) {
    if (alternatives && !alternatives.some((s) => checkOpenApi(value, s, path, [], limit).length === 0)) {
      out.push({ path, message: `${where} matches none of the allowed forms` });
    }
  }
  if (schema['x-kubernetes-int-or-string']) {
    if (typeof value !== 'string' && !Number.isInteger(value))
      out.push({ path, message: `${where} must be an integer or a string` });
    return out;
  }
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.length > 0 && !types.some((t) => typeMatches(t, value))) {
    out.push({ path, message: `${where} must be ${types.join(' or ')}, not ${typeOf(value)}` });
    return out;
  }
  if (schema.enum && !schema.enum.some((e) => e === value)) {
    out.push({ path, message: `${where} must be one of ${schema.enum.map((e) => JSON.stringify(e)).join(', ')}` });
  }
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength)
      out.push({ path, message: `${where} is shorter than ${schema.minLength}` });
    if (schema.maxLength !== undefined && value.length > schema.maxLength)
      out.push({ path, message: `${where} is longer than ${schema.maxLength}` });
    if (schema.pattern) {
      let re: RegExp | undefined;
      try {
        re = new RegExp(schema.pattern, 'u');
      } catch {
        re = undefined;
      }
      if (re && !re.test(value)) out.push({ path, message: `${where} does not match ${schema.pattern}` });
    }
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum)
      out.push({ path, message: `${where} is below ${schema.minimum}` });
    if (schema.maximum !== undefined && value > schema.maximum)
      out.push({ path, message: `${where} is above ${schema.maximum}` });
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems)
      out.push({ path, message: `${where} needs at least ${schema.minItems} items` });
    if (schema.maxItems !== undefined && value.length > schema.maxItems)
      out.push({ path, message: `${where} allows at most ${schema.maxItems} items` });
    const items = schema.items;
    if (items) for (const [i, v] of value.entries()) checkOpenApi(v, items, `${path}[${i}]`, out, limit);
    return out;
  }
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    for (const r of schema.required ?? []) {
      if (obj[r] === undefined || obj[r] === null)
        out.push({ path, message: `${where}: required field "${r}" is missing` });
    }
    const props = schema.properties ?? {};
    const extra = schema.additionalProperties;
    const open =
      schema['x-kubernetes-preserve-unknown-fields'] ||
      schema['x-kubernetes-embedded-resource'] ||
      extra === true ||
      (extra === undefined && schema.properties === undefined);
    for (const [k, v] of Object.entries(obj)) {
      const p = props[k];
      if (p) checkOpenApi(v, p, child(path, k), out, limit);
      else if (typeof extra === 'object') checkOpenApi(v, extra, child(path, k), out, limit);
      else if (!open && !(path === '' && ['apiVersion', 'kind', 'metadata'].includes(k))) {
        out.push({ path: child(path, k), message: `${child(path, k)} is not a field of this kind` });
      }
    }
  }
  return out;
}
