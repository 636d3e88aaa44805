/**
 * ISO 8601 UTC of a provider's time stamp: GitHub's `2026-12-01T10:00:00Z`, GitLab's `2026-12-01 10:00:00 UTC` or
 * `2026-12-01T12:00:00+02:00`. Undefined for null, empty or unreadable values.
 */
export function isoTime(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const normal = value.replace(/^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(?:\.\d+)? UTC$/, '$1T$2Z');
  const ms = Date.parse(normal);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** Milliseconds between two ISO times, when both are known and in order. */
export function durationBetween(start: string | undefined, end: string | undefined): number | undefined {
  if (!start || !end) return undefined;
  const d = Date.parse(end) - Date.parse(start);
  return d >= 0 ? d : undefined;
}

/** A lowercase commit id, or undefined when the value is not one. */
export function commitOf(value: string | null | undefined): string | undefined {
  const v = value?.toLowerCase();
  return v && /^[0-9a-f]{7,64}$/.test(v) ? v : undefined;
}
