/** One field of a protobuf message: its number and raw value (a varint or length-delimited bytes). */
export interface WireField {
  field: number;
  varint?: bigint;
  bytes?: Buffer;
}

function readVarint(buf: Buffer, at: number): [bigint, number] {
  let result = 0n;
  let shift = 0n;
  let pos = at;
  for (;;) {
    if (pos >= buf.length) throw new Error('truncated varint');
    const byte = buf[pos++]!;
    result |= BigInt(byte & 0x7f) << shift;
    if ((byte & 0x80) === 0) return [result, pos];
    shift += 7n;
    if (shift > 63n) throw new Error('varint too long');
  }
}

/**
 * Decodes the fields of one protobuf message in wire format (varints, length-delimited, fixed 32/64 skipped).
 * Enough to read the few Kubernetes messages kubectl sends as protobuf without the generated schemas.
 * @see https://protobuf.dev/programming-guides/encoding/
 */
export function decodeWire(buf: Buffer): WireField[] {
  const fields: WireField[] = [];
  let pos = 0;
  while (pos < buf.length) {
    const [key, next] = readVarint(buf, pos);
    pos = next;
    const field = Number(key >> 3n);
    const wireType = Number(key & 7n);
    if (wireType === 0) {
      const [value, after] = readVarint(buf, pos);
      pos = after;
      fields.push({ field, varint: value });
    } else if (wireType === 2) {
      const [length, after] = readVarint(buf, pos);
      const end = after + Number(length);
      if (end > buf.length) throw new Error('truncated field');
      fields.push({ field, bytes: buf.subarray(after, end) });
      pos = end;
    } else if (wireType === 1) pos += 8;
    else if (wireType === 5) pos += 4;
    else throw new Error(`unsupported wire type ${wireType}`);
  }
  return fields;
}

/** The string value of field `n`, if present. */
export function stringField(fields: WireField[], n: number): string | undefined {
  return fields.find((f) => f.field === n)?.bytes?.toString('utf8');
}

/** The message value of field `n`, decoded, if present. */
export function messageField(fields: WireField[], n: number): WireField[] | undefined {
  const bytes = fields.find((f) => f.field === n)?.bytes;
  return bytes ? decodeWire(bytes) : undefined;
}

/**
 * Unwraps the Kubernetes protobuf envelope (`k8s\0` + runtime.Unknown) into its kind and raw message.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#protobuf-encoding
 */
export function unwrapEnvelope(body: Buffer): { apiVersion?: string; kind?: string; raw: Buffer } {
  if (body.length < 4 || body.subarray(0, 4).toString('latin1') !== 'k8s\u0000')
    throw new Error('missing the k8s protobuf magic prefix');
  const unknown = decodeWire(body.subarray(4));
  const typeMeta = messageField(unknown, 1) ?? [];
  return {
    apiVersion: stringField(typeMeta, 1),
    kind: stringField(typeMeta, 2),
    raw: unknown.find((f) => f.field === 2)?.bytes ?? Buffer.alloc(0),
  };
}
