import type { ClusterSnapshot } from '@opspilot/core';

/** Decodes base64 as UTF-8 text, or undefined when it is not valid base64. */
function decodeBase64(value: string): string | undefined {
  try {
    const bytes = Uint8Array.from(atob(value.replace(/\s/g, '')), (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** The pieces of a value worth masking on their own: lines, and the user and password of a URL. */
function pieces(value: string): string[] {
  const out = [value];
  for (const line of value.split(/\r?\n/)) if (line.trim() && line !== value) out.push(line.trim());
  const url = /^[a-z][a-z0-9+.-]*:\/\/([^:@/\s]+):([^@/\s]+)@/i.exec(value);
  if (url) out.push(url[1] as string, url[2] as string);
  return out;
}

/**
 * Every value derived from the snapshot's Secrets that must never reach a model: each `data` value as stored
 * (base64) and decoded, `stringData` values, their lines, and the user and password inside URLs.
 */
export function secretValues(snapshot: ClusterSnapshot): string[] {
  const values = new Set<string>();
  for (const secret of snapshot.objects.Secret ?? []) {
    const s = secret as { data?: Record<string, string>; stringData?: Record<string, string> };
    for (const raw of Object.values(s.data ?? {})) {
      if (typeof raw !== 'string' || raw === '') continue;
      values.add(raw);
      const decoded = decodeBase64(raw);
      if (decoded) for (const p of pieces(decoded)) values.add(p);
    }
    for (const raw of Object.values(s.stringData ?? {}))
      if (typeof raw === 'string' && raw) for (const p of pieces(raw)) values.add(p);
  }
  return [...values];
}
