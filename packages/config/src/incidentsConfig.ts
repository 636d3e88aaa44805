import { z } from 'zod';

const ENDPOINTS =
  'expected a list of webhook endpoints { url, format, secret, events } (a JSON array in the environment)';
const NOTICES = ['opened', 'updated', 'resolved'] as const;

/** One outgoing incident webhook: where it posts, in which format, signed with what, for which notices. */
const webhookEndpoint = z.strictObject(
  {
    url: z.url({ protocol: /^https?$/, error: 'expected an http:// or https:// URL' }),
    /** `json`: opspilot's own payload; `slack`: a Slack-compatible incoming-webhook message (also Mattermost). */
    format: z.enum(['json', 'slack'], { error: 'expected json or slack' }).default('json'),
    /** Signs each body with HMAC-SHA256 (`X-Opspilot-Signature`) when set. */
    secret: z
      .string({ error: 'expected a secret of at least 16 characters' })
      .min(16, { error: 'expected a secret of at least 16 characters' })
      .optional(),
    events: z
      .array(z.enum(NOTICES, { error: `expected one of ${NOTICES.join(', ')}` }))
      .min(1, { error: 'expected at least one of opened, updated, resolved' })
      .default([...NOTICES]),
  },
  { error: 'expected { url, format, secret, events }' },
);

/**
 * `incidents:` — the incident commander. `webhooks` are the endpoints told when an incident opens, changes or
 * resolves (see docs/incidents.md); in the environment a JSON array, in `OPSPILOT_INCIDENTS_WEBHOOKS` or the older
 * `OPSPILOT_INCIDENT_WEBHOOKS`.
 */
export const incidentsSection = z
  .strictObject(
    {
      webhooks: z
        .preprocess(
          (v) => {
            if (typeof v !== 'string') return v;
            try {
              return JSON.parse(v);
            } catch {
              return v;
            }
          },
          z.array(webhookEndpoint, { error: ENDPOINTS }),
        )
        .default([]),
    },
    { error: 'expected a mapping of keys' },
  )
  .prefault({});
