import { decodeWire, type WireField } from '../auth/protobufWire.js';
import { type FieldSchema, type MessageSchema, parseMessage, SCALARS } from './messageSchema.js';

/** Message schemas by name. */
export type SchemaTable = ReadonlyMap<string, MessageSchema>;

/** Builds a {@link SchemaTable} from descriptor tables in the compact notation of {@link parseMessage}. */
export function buildSchemaTable(...tables: Record<string, Record<number, string>>[]): SchemaTable {
  const out = new Map<string, MessageSchema>();
  for (const table of tables) for (const [name, fields] of Object.entries(table)) out.set(name, parseMessage(fields));
  return out;
}

type Json = Record<string, unknown>;

const int = (f: WireField): number => Number(BigInt.asIntN(64, f.varint ?? 0n));

function formatTime(fields: WireField[]): string | undefined {
  const seconds = Number(BigInt.asIntN(64, fields.find((f) => f.field === 1)?.varint ?? 0n));
  if (seconds === 0) return undefined;
  return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Decodes one value of a scalar type; `undefined` for the zero value of a time. */
function scalar(type: string, f: WireField): unknown {
  switch (type) {
    case 'string':
      return f.bytes?.toString('utf8') ?? '';
    case 'bytes':
      return (f.bytes ?? Buffer.alloc(0)).toString('base64');
    case 'int':
      return int(f);
    case 'bool':
      return (f.varint ?? 0n) !== 0n;
    case 'quantity':
      return (
        decodeWire(f.bytes ?? Buffer.alloc(0))
          .find((q) => q.field === 1)
          ?.bytes?.toString('utf8') ?? '0'
      );
    case 'time':
      return formatTime(decodeWire(f.bytes ?? Buffer.alloc(0)));
    case 'intOrString': {
      const parts = decodeWire(f.bytes ?? Buffer.alloc(0));
      const kind = Number(parts.find((p) => p.field === 1)?.varint ?? 0n);
      if (kind === 1) return parts.find((p) => p.field === 3)?.bytes?.toString('utf8') ?? '';
      const value = parts.find((p) => p.field === 2);
      return value ? int(value) : 0;
    }
    default:
      throw new Error(`unknown scalar type ${type}`);
  }
}

/** Whether Go's JSON encoding would leave this value out (`omitempty` on a non-pointer field). */
function isZero(value: unknown): boolean {
  return value === undefined || value === '' || value === 0 || value === false;
}

function value(table: SchemaTable, type: string, f: WireField): unknown {
  if (SCALARS.has(type)) return scalar(type, f);
  return decodeMessage(table, type, f.bytes ?? Buffer.alloc(0));
}

function setField(table: SchemaTable, out: Json, schema: FieldSchema, f: WireField): void {
  if (schema.map) {
    const entry = decodeWire(f.bytes ?? Buffer.alloc(0));
    const key = entry.find((e) => e.field === 1)?.bytes?.toString('utf8') ?? '';
    const raw = entry.find((e) => e.field === 2) ?? { field: 2, bytes: Buffer.alloc(0), varint: 0n };
    out[schema.name] ??= {};
    (out[schema.name] as Json)[key] = value(table, schema.type, raw);
    return;
  }
  const decoded = value(table, schema.type, f);
  if (schema.repeated) {
    out[schema.name] ??= [];
    (out[schema.name] as unknown[]).push(decoded);
    return;
  }
  if (schema.inline) {
    Object.assign(out, decoded as Json);
    return;
  }
  if (SCALARS.has(schema.type) && !schema.pointer && isZero(decoded)) return;
  if (decoded === undefined) return;
  out[schema.name] = decoded;
}

/**
 * Decodes a protobuf message into the JSON object the API server would see, driven by a schema table: field numbers
 * become JSON names, scalars of non-pointer fields at their zero value are left out (as Go's `omitempty` does),
 * pointer fields keep them, maps and repeated fields keep every element, inlined messages merge into their parent,
 * and fields the table does not list are skipped. Throws on malformed wire data or a message missing from the table.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#protobuf-encoding
 */
export function decodeMessage(table: SchemaTable, message: string, bytes: Buffer): Json {
  const schema = table.get(message);
  if (!schema) throw new Error(`no schema for message ${message}`);
  const out: Json = {};
  for (const f of decodeWire(bytes)) {
    const field = schema.get(f.field);
    if (field) setField(table, out, field, f);
  }
  return out;
}
