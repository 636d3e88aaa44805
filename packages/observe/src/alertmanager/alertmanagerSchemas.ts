import { z } from 'zod';

const Labels = z.record(z.string(), z.string());

/**
 * An alert as Alertmanager's v2 API returns it (`GET /api/v2/alerts`).
 * @see https://github.com/prometheus/alertmanager/blob/main/api/v2/openapi.yaml
 */
export const GettableAlert = z.object({
  labels: Labels,
  annotations: Labels.default({}),
  startsAt: z.string(),
  endsAt: z.string(),
  updatedAt: z.string().optional(),
  generatorURL: z.string().optional(),
  fingerprint: z.string(),
  receivers: z.array(z.object({ name: z.string() })).default([]),
  status: z.object({
    state: z.enum(['unprocessed', 'active', 'suppressed']),
    silencedBy: z
      .array(z.string())
      .nullish()
      .transform((v) => v ?? []),
    inhibitedBy: z
      .array(z.string())
      .nullish()
      .transform((v) => v ?? []),
  }),
});
export type GettableAlert = z.infer<typeof GettableAlert>;

/** One matcher of a silence: `name=value`, `!=`, `=~` or `!~`. */
export const SilenceMatcher = z.object({
  name: z.string().min(1),
  value: z.string(),
  isRegex: z.boolean(),
  isEqual: z.boolean().default(true),
});
export type SilenceMatcher = z.infer<typeof SilenceMatcher>;

/** A silence as Alertmanager's v2 API returns it (`GET /api/v2/silences`). */
export const GettableSilence = z.object({
  id: z.string(),
  status: z.object({ state: z.enum(['active', 'pending', 'expired']) }),
  updatedAt: z.string(),
  matchers: z.array(SilenceMatcher),
  startsAt: z.string(),
  endsAt: z.string(),
  createdBy: z.string(),
  comment: z.string(),
});
export type GettableSilence = z.infer<typeof GettableSilence>;

/** What `POST /api/v2/silences` takes. */
export const PostableSilence = z.object({
  matchers: z.array(SilenceMatcher).min(1, 'a silence needs at least one matcher'),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  createdBy: z.string().min(1),
  comment: z.string().min(1, 'say why the alerts are silenced'),
});
export type PostableSilence = z.infer<typeof PostableSilence>;

/** Alertmanager's own status (`GET /api/v2/status`). */
export const AlertmanagerStatus = z.object({
  cluster: z.object({ status: z.string(), name: z.string().optional(), peers: z.array(z.unknown()).nullish() }),
  versionInfo: z.object({ version: z.string() }).loose(),
  config: z.object({ original: z.string() }),
  uptime: z.string(),
});
export type AlertmanagerStatus = z.infer<typeof AlertmanagerStatus>;

/** An alert to push to Alertmanager (`POST /api/v2/alerts`), as Prometheus does. */
export const PostableAlert = z.object({
  labels: Labels,
  annotations: Labels.optional(),
  startsAt: z.string().optional(),
  endsAt: z.string().optional(),
  generatorURL: z.string().optional(),
});
export type PostableAlert = z.infer<typeof PostableAlert>;
