import type { ChatMessage, ModelMessage } from '@opspilot/core';

/** How many stored messages a turn sends back to the model at most. */
export const MAX_HISTORY = 40;

/**
 * A session's stored messages as the model's conversation: user and assistant text, assistant tool calls, and one
 * `tool` message per stored result (the redacted, bounded text the model saw). The oldest are dropped beyond
 * {@link MAX_HISTORY}, never leaving a tool answer without its call.
 */
export function historyMessages(stored: ChatMessage[]): ModelMessage[] {
  const out: ModelMessage[] = [];
  for (const message of stored) {
    if (message.role === 'USER') out.push({ role: 'user', content: message.content });
    else if (message.role === 'ASSISTANT') {
      out.push({
        role: 'assistant',
        content: message.content,
        ...(message.tool_calls.length ? { toolCalls: message.tool_calls } : {}),
      });
    } else if (message.role === 'TOOL') {
      for (const result of message.tool_results) {
        const content =
          typeof result.result?.content === 'string' ? result.result.content : `error: ${result.error ?? ''}`;
        out.push({ role: 'tool', toolCallId: result.tool_call_id, content });
      }
    }
  }
  let start = Math.max(0, out.length - MAX_HISTORY);
  while (start < out.length && out[start]?.role !== 'user') start++;
  return out.slice(start);
}
