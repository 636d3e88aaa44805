import type { Incident } from '@opspilot/core';
import { z } from 'zod';
import type { IncidentNotice } from '../incidentDeps.js';
import { PHASE_OF } from '../lifecycle/incidentPhase.js';

/** Where outgoing incident notifications go: a URL, its format, the HMAC secret, and which notices it wants. */
export const WebhookEndpoint = z.object({
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
  /** `json`: opspilot's own payload; `slack`: a Slack-compatible incoming-webhook message (also Mattermost). */
  format: z.enum(['json', 'slack']).default('json'),
  /** Signs each body with HMAC-SHA256 (`X-Opspilot-Signature`) when set. */
  secret: z.string().min(16, 'use a secret of at least 16 characters').optional(),
  events: z.array(z.enum(['opened', 'updated', 'resolved'])).default(['opened', 'updated', 'resolved']),
});
export type WebhookEndpoint = z.infer<typeof WebhookEndpoint>;

const EMOJI: Record<IncidentNotice, string> = {
  opened: ':rotating_light:',
  updated: ':memo:',
  resolved: ':white_check_mark:',
};

/**
 * The body of a notification: opspilot's JSON (`{ event, incident, link }`, the incident with its cause: identity,
 * first and last seen, `recurring` and `occurrences`) or a Slack message with blocks and a plain-text fallback. `link` is the incident's page when the server knows its public URL.
 */
export function webhookPayload(
  format: WebhookEndpoint['format'],
  notice: IncidentNotice,
  incident: Incident,
  link?: string,
) {
  if (format === 'json') {
    return {
      event: `incident.${notice}`,
      incident: {
        id: incident.id,
        title: incident.title,
        severity: incident.severity,
        status: incident.status,
        phase: PHASE_OF[incident.status],
        detected_at: incident.detected_at,
        resolved_at: incident.resolved_at ?? null,
        owner: incident.acknowledged_by ?? null,
        root_cause: incident.root_cause ?? null,
        affected_resources: incident.affected_resources,
        cluster_id: incident.cluster_id ?? null,
        cause_identity: incident.cause_identity ?? null,
        first_seen: incident.first_seen ?? null,
        last_seen: incident.last_seen ?? null,
        recurring: incident.recurring ?? false,
        occurrences: incident.occurrences ?? 1,
      },
      link: link ?? null,
    };
  }
  const text = `${EMOJI[notice]} [${incident.severity}] ${incident.title} — ${PHASE_OF[incident.status].toLowerCase()}`;
  const fields = [
    `*Severity:* ${incident.severity}`,
    `*Status:* ${PHASE_OF[incident.status]}`,
    ...(incident.acknowledged_by ? [`*Owner:* ${incident.acknowledged_by}`] : []),
    ...(incident.root_cause ? [`*Root cause:* ${incident.root_cause}`] : []),
    ...(incident.first_seen ? [`*First seen:* ${incident.first_seen}`] : []),
    ...(incident.recurring ? [`*Recurring:* ${incident.occurrences ?? 2} incidents of this cause`] : []),
  ];
  return {
    text,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*${text}*` } },
      { type: 'section', fields: fields.map((f) => ({ type: 'mrkdwn', text: f })) },
      ...(link ? [{ type: 'section', text: { type: 'mrkdwn', text: `<${link}|Open the incident>` } }] : []),
    ],
  };
}
