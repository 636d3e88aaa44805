import { z } from 'zod';
import { Timestamp, Uuid } from '../common.js';
import { ToolCall, ToolResult } from './toolCall.js';

/** Who wrote a chat message (seed 003 §5.2). */
export const ChatRole = z.enum(['USER', 'ASSISTANT', 'SYSTEM', 'TOOL']);
export type ChatRole = z.infer<typeof ChatRole>;

/**
 * One message of a chat session (seed 003 §5.2). Assistant messages carry the tool calls the model asked for,
 * tool messages their results; `model`, `tokens_used` and `latency_ms` record what the answer cost.
 */
export const ChatMessage = z.object({
  id: Uuid,
  session_id: Uuid,
  role: ChatRole,
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
