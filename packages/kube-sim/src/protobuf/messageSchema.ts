/**
 * How one protobuf field maps to JSON: its JSON name, its type (a scalar or a message name), and whether it is
 * repeated, a map (string keys), a Go pointer (its zero value is kept) or inlined into the parent (`json:",inline"`).
 */
export interface FieldSchema {
  name: string;
  type: string;
  repeated: boolean;
  map: boolean;
  pointer: boolean;
  inline: boolean;
}

/** A message: its fields by number. */
export type MessageSchema = ReadonlyMap<number, FieldSchema>;

/**
 * Scalar types the decoder knows: protobuf scalars plus the apimachinery wrappers that JSON shows as scalars
 * (`quantity` is resource.Quantity, `time` metav1.Time, `intOrString` intstr.IntOrString, `bytes` base64 in JSON).
 */
export const SCALARS = new Set(['string', 'int', 'bool', 'bytes', 'quantity', 'time', 'intOrString']);

/**
 * Parses the compact field notation of the descriptor tables: `name` (a string), `name:type`, with `type[]` for a
 * repeated field, `{type}` for a map with string keys, a trailing `?` for a Go pointer, and `...:Type` for an inlined
 * message. Numbers come from the Kubernetes `generated.proto` files.
 * @example
 * parseMessage({ 1: 'name', 2: 'replicas:int?', 3: 'labels:{string}', 4: 'containers:Container[]' })
 * @see https://github.com/kubernetes/api
 */
export function parseMessage(fields: Record<number, string>): MessageSchema {
  const out = new Map<number, FieldSchema>();
  for (const [number, spec] of Object.entries(fields)) {
    const [name, rawType = 'string'] = spec.split(':') as [string, string?];
    let type = rawType;
    const pointer = type.endsWith('?');
    if (pointer) type = type.slice(0, -1);
    const repeated = type.endsWith('[]');
    if (repeated) type = type.slice(0, -2);
    const map = type.startsWith('{') && type.endsWith('}');
    if (map) type = type.slice(1, -1);
    const inline = name === '...';
    out.set(Number(number), { name, type, repeated, map, pointer, inline });
  }
  return out;
}
