import type { KubeObject } from '@opspilot/core';

const URL_HOST = /\b[a-z][a-z0-9+.-]*:\/\/(?:[^\s/@:]+(?::[^\s/@]*)?@)?([a-z0-9.-]+)(?::\d+)?/gi;
const HOST_PORT = /^([a-z0-9]([a-z0-9.-]*[a-z0-9])?):\d{1,5}$/i;
const LOOPBACK = new Set(['localhost', '127.0.0.1', '0.0.0.0', '::1']);

function decode(value: string): string {
  try {
    return Buffer.from(value, 'base64').toString('utf8');
  } catch {
    return '';
  }
}

/**
 * The string values of a ConfigMap or Secret (a Secret's `data` decoded), read only to find the hosts they name.
 * Callers must never print these values.
 */
export function objectValues(obj: KubeObject): string[] {
  const raw = obj as unknown as { data?: Record<string, unknown>; stringData?: Record<string, unknown> };
  const strings = (r: Record<string, unknown> | undefined) =>
    Object.values(r ?? {}).filter((v): v is string => typeof v === 'string');
  const data = strings(raw.data);
  return [...(obj.kind === 'Secret' ? data.map(decode) : data), ...strings(raw.stringData)];
}

/**
 * The hosts named by URL-like values (`postgresql://user:pw@db.example.com:5432/x`, `backend:8000`), split into the
 * Services they resolve to (by `resolve`) and the hosts outside the cluster. Credentials in a URL are skipped.
 */
export function externalHostsOf(
  values: string[],
  resolve: (host: string) => string | undefined,
): { internal: string[]; external: string[] } {
  const internal = new Set<string>();
  const external = new Set<string>();
  const consider = (host: string) => {
    const h = host.toLowerCase().replace(/\.$/, '');
    if (!h || LOOPBACK.has(h)) return;
    const svc = resolve(h);
    if (svc) internal.add(svc);
    else if (h.includes('.') && !h.endsWith('.svc') && !h.endsWith('.cluster.local')) external.add(h);
  };
  for (const value of values) {
    for (const m of value.matchAll(URL_HOST)) consider(m[1] as string);
    const hp = HOST_PORT.exec(value.trim());
    if (hp) consider(hp[1] as string);
  }
  return { internal: [...internal].sort(), external: [...external].sort() };
}
