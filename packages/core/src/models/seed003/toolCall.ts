import { z } from 'zod';
import { JsonObject } from '../common.js';

/**
 * A tool invocation the assistant asked for (seed 003 §5.3). It is only a request: the tool runner validates the
 * arguments against the tool's own schema, and anything but a read goes through review.
 */
export const ToolCall = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  arguments: JsonObject.default({}),
});
export type ToolCall = z.infer<typeof ToolCall>;

/** How a tool call ended (seed 003 §5.4). */
export const ToolResultStatus = z.enum(['SUCCESS', 'ERROR', 'TIMEOUT']);
export type ToolResultStatus = z.infer<typeof ToolResultStatus>;

/** The outcome of a {@link ToolCall}, matched by `tool_call_id` (seed 003 §5.4); `error` explains a failure. */
export const ToolResult = z.object({
  tool_call_id: z.string().min(1),
  status: ToolResultStatus,
  result: JsonObject.optional(),
  error: z.string().optional(),
});
export type ToolResult = z.infer<typeof ToolResult>;
