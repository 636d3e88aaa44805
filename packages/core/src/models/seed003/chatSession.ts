import { z } from 'zod';
import { Timestamp, Uuid } from '../common.js';

/** The longest a chat session may live: 7 days from its creation (seed 003 §10). */
export const MAX_CHAT_SESSION_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * A chat conversation (seed 003 §5.5). It expires 24 hours after the last activity by default, and never later
 * than 7 days after creation (seed 003 §10), so that context and tool output do not linger.
 */
export const ChatSession = z
  .object({
    id: Uuid,
    user_id: z.string().min(1),
    title: z.string().default(''),
    persona_id: z.string().min(1).default('default'),
    cluster_context: z.array(Uuid).default([]),
    message_count: z.number().int().min(0).default(0),
    created_at: Timestamp,
    updated_at: Timestamp,
    expires_at: Timestamp,
  })
  .superRefine((session, ctx) => {
    const lifetime = Date.parse(session.expires_at) - Date.parse(session.created_at);
    if (lifetime < 0) {
      ctx.addIssue({ code: 'custom', path: ['expires_at'], message: 'expires_at must not be before created_at' });
    } else if (lifetime > MAX_CHAT_SESSION_MS) {
      ctx.addIssue({
        code: 'custom',
        path: ['expires_at'],
        message: 'expires_at must be at most 7 days after created_at',
      });
    }
  });
export type ChatSession = z.infer<typeof ChatSession>;
