import { z } from 'zod';

/** A UUID v4 identifier (seed 003 §1). */
export const Uuid = z.uuid({ version: 'v4', error: 'must be a UUID v4' });
export type Uuid = z.infer<typeof Uuid>;

/** An ISO 8601 timestamp in UTC, e.g. `2026-01-25T10:00:00.000Z` (seed 003 §1). */
export const Timestamp = z.iso.datetime({ error: 'must be an ISO 8601 UTC timestamp ending in Z' });
export type Timestamp = z.infer<typeof Timestamp>;

/** Free-form string labels (Kubernetes-style key/value pairs). */
export const StringMap = z.record(z.string(), z.string());
export type StringMap = z.infer<typeof StringMap>;

/** Arbitrary JSON object. */
export const JsonObject = z.record(z.string(), z.unknown());
export type JsonObject = z.infer<typeof JsonObject>;

/** Relative duration such as `30s`, `5m`, `1h`, `7d`, `2w` (seed 003 §8.2). */
export const Duration = z.string().regex(/^[0-9]+[smhdw]$/, 'must be a duration like 30s, 5m, 1h, 7d or 2w');
export type Duration = z.infer<typeof Duration>;

const DURATION_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;

/** Converts a {@link Duration} to milliseconds. */
export function durationToMs(duration: Duration): number {
  const unit = duration.slice(-1) as keyof typeof DURATION_MS;
  return Number(duration.slice(0, -1)) * DURATION_MS[unit];
}

/** An HTTPS URL (seed 003 §10: `api_server_url` must be HTTPS). */
export const HttpsUrl = z.url({ protocol: /^https$/, error: 'must be an https:// URL' });

/** Any http(s) URL. */
export const HttpUrl = z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' });

/** Current time as a {@link Timestamp}. */
export function nowIso(clock: { now(): Date } = { now: () => new Date() }): Timestamp {
  return clock.now().toISOString();
}
