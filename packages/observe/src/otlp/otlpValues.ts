/** An OTLP `AnyValue` as protobufjs decodes it or as OTLP/JSON writes it (lowerCamelCase, 64-bit ints as text). */
export interface OtlpAnyValue {
  stringValue?: string;
  boolValue?: boolean;
  intValue?: string | number;
  doubleValue?: number | string;
  arrayValue?: { values?: OtlpAnyValue[] };
  kvlistValue?: { values?: OtlpKeyValue[] };
  bytesValue?: Uint8Array | string;
}

/** An OTLP `KeyValue`. */
export interface OtlpKeyValue {
  key?: string;
  value?: OtlpAnyValue;
}

/** The longest attribute value kept (longer ones are cut and end in `…`). */
export const MAX_TAG_LENGTH = 1024;
/** The most attributes kept per span (resource and span attributes together). */
export const MAX_TAGS = 128;

function plain(value: OtlpAnyValue | undefined): unknown {
  if (!value) return '';
  if (value.stringValue !== undefined) return value.stringValue;
  if (value.boolValue !== undefined) return value.boolValue;
  if (value.intValue !== undefined) return String(value.intValue);
  if (value.doubleValue !== undefined) return Number(value.doubleValue);
  if (value.arrayValue) return (value.arrayValue.values ?? []).map(plain);
  if (value.kvlistValue) {
    return Object.fromEntries((value.kvlistValue.values ?? []).map((kv) => [kv.key ?? '', plain(kv.value)]));
  }
  if (value.bytesValue !== undefined) {
    return typeof value.bytesValue === 'string' ? value.bytesValue : Buffer.from(value.bytesValue).toString('base64');
  }
  return '';
}

/** Text as it may be stored: NUL characters (refused by PostgreSQL) become U+FFFD. */
export const storable = (text: string): string =>
  text.includes('\u0000') ? text.replaceAll('\u0000', '\uFFFD') : text;

/** An attribute value as text: scalars as written, arrays and maps as JSON, bytes as base64; cut at {@link MAX_TAG_LENGTH}. */
export function attributeText(value: OtlpAnyValue | undefined): string {
  const v = plain(value);
  const text = storable(typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v));
  return text.length > MAX_TAG_LENGTH ? `${text.slice(0, MAX_TAG_LENGTH - 1)}…` : text;
}

/** Attributes as a text map, into `into` (later keys win), up to {@link MAX_TAGS} keys. */
export function attributesInto(into: Record<string, string>, attributes: OtlpKeyValue[] | undefined): void {
  for (const kv of attributes ?? []) {
    if (!kv.key) continue;
    if (!(kv.key in into) && Object.keys(into).length >= MAX_TAGS) continue;
    into[storable(kv.key)] = attributeText(kv.value);
  }
}
