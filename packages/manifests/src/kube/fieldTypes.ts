import { createRequire } from 'node:module';

/** The type of each known field of a model, by its JSON name, from client-node's `getAttributeTypeMap()`. */
type FieldMap = Map<string, string>;

interface AttributeType {
  baseName: string;
  type: string;
}

interface ModelWithTypes {
  getAttributeTypeMap(): AttributeType[];
}

const requireModel = createRequire(import.meta.url);
const MODEL_NAME = /^[A-Z][A-Za-z0-9]*$/;
const cache = new Map<string, FieldMap | null>();

/**
 * The class of a client-node model by name, loaded from its own file (each is a module without imports) rather
 * than the whole client, whose thousands of modules cost a validation run ~0.5 s before its first rule ran.
 */
function modelClass(typeName: string): Partial<ModelWithTypes> | undefined {
  if (!MODEL_NAME.test(typeName)) return undefined;
  try {
    const exports = requireModel(`@kubernetes/client-node/dist/gen/models/${typeName}.js`) as Record<string, unknown>;
    return exports[typeName] as Partial<ModelWithTypes> | undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND') return undefined;
    throw error;
  }
}

/** The field map of a client-node model class name (`V1PodSpec`), or null when there is no such model. */
export function fieldsOf(typeName: string): FieldMap | null {
  const hit = cache.get(typeName);
  if (hit !== undefined) return hit;
  const cls = modelClass(typeName);
  let map: FieldMap | null = null;
  if (typeof cls?.getAttributeTypeMap === 'function') {
    map = new Map(cls.getAttributeTypeMap().map((a) => [a.baseName, a.type]));
  }
  cache.set(typeName, map);
  return map;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * The client-node model name of a top-level object (`apps/v1` `Deployment` → `V1Deployment`; kinds defined in
 * several groups carry the group, e.g. `EventsV1Event`), or undefined when client-node has no model for it.
 */
export function modelNameOf(apiVersion: string, kind: string): string | undefined {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/', 2) : ['core', apiVersion];
  const v = capitalize(version ?? '');
  const prefix = capitalize((group ?? '').split('.')[0] ?? '');
  for (const name of [`${prefix}${v}${kind}`, `${v}${kind}`]) {
    if (fieldsOf(name)) return name;
  }
  return undefined;
}
