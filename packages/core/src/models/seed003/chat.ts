import { z } from 'zod';
import { JsonObject, Timestamp, Uuid } from '../common.js';

/** The longest a chat session may live: 7 days from creation (seed 003 §10). */
export const MAX_CHAT_SESSION_MS = 7 * 24 * 60 * 60 * 1000;

/** A tool invocation requested by the assistant (seed 003 §5.3). */
export const ToolCall = z.object({ id: z.string().min(1), name: z.string().min(1), arguments: JsonObject.default({}) });
export type ToolCall = z.infer<typeof ToolCall>;

/** The outcome of a {@link ToolCall} (seed 003 §5.4). */
export const ToolResult = z.object({
  tool_call_id: z.string().min(1),
  status: z.enum(['SUCCESS', 'ERROR', 'TIMEOUT']),
  result: JsonObject.optional(),
  error: z.string().optional(),
});
export type ToolResult = z.infer<typeof ToolResult>;

/** One message of a chat session (seed 003 §5.2). */
export const ChatMessage = z.object({
  id: Uuid,
  session_id: Uuid,
  role: z.enum(['USER', 'ASSISTANT', 'SYSTEM', 'TOOL']),
  content: z.string(),
  persona_id: z.string().optional(),
  tool_calls: z.array(ToolCall).default([]),
  tool_results: z.array(ToolResult).default([]),
  model: z.string().optional(),
  tokens_used: z.number().int().min(0).optional(),
  latency_ms: z.number().int().min(0).optional(),
  created_at: Timestamp,
});
export type ChatMessage = z.infer<typeof ChatMessage>;

/** A chat conversation (seed 003 §5.5); it expires at most 7 days after creation (seed 003 §10). */
export const ChatSession = z
  .object({
    id: Uuid,
    user_id: z.string().min(1),
    title: z.string().default(''),
    persona_id: z.string().default('default'),
    cluster_context: z.array(Uuid).default([]),
    message_count: z.number().int().min(0).default(0),
    created_at: Timestamp,
    updated_at: Timestamp,
    expires_at: Timestamp,
  })
  .refine((s) => Date.parse(s.expires_at) >= Date.parse(s.created_at), {
    message: 'expires_at must not be before created_at',
    path: ['expires_at'],
  })
  .refine((s) => Date.parse(s.expires_at) - Date.parse(s.created_at) <= MAX_CHAT_SESSION_MS, {
    message: 'expires_at must be at most 7 days after created_at',
    path: ['expires_at'],
  });
export type ChatSession = z.infer<typeof ChatSession>;
