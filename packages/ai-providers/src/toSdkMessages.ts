import type { ModelMessage as PortMessage } from '@opspilot/core';
import type { ModelMessage } from 'ai';

/**
 * Converts the port's conversation to the AI SDK's: assistant tool calls become `tool-call` parts and each `tool`
 * message a `tool-result` part carrying the name of the call it answers. System messages in the conversation are
 * kept as system messages (the request's `system` goes first, separately).
 */
export function toSdkMessages(messages: PortMessage[]): ModelMessage[] {
  const toolNames = new Map<string, string>();
  return messages.map((message): ModelMessage => {
    switch (message.role) {
      case 'system':
        return { role: 'system', content: message.content };
      case 'user':
        return { role: 'user', content: message.content };
      case 'assistant': {
        const calls = message.toolCalls ?? [];
        for (const call of calls) toolNames.set(call.id, call.name);
        if (calls.length === 0) return { role: 'assistant', content: message.content };
        return {
          role: 'assistant',
          content: [
            ...(message.content ? [{ type: 'text' as const, text: message.content }] : []),
            ...calls.map((call) => ({
              type: 'tool-call' as const,
              toolCallId: call.id,
              toolName: call.name,
              input: call.arguments,
            })),
          ],
        };
      }
      default: {
        const toolCallId = message.toolCallId ?? '';
        return {
          role: 'tool',
          content: [
            {
              type: 'tool-result',
              toolCallId,
              toolName: toolNames.get(toolCallId) ?? 'unknown',
              output: { type: 'text', value: message.content },
            },
          ],
        };
      }
    }
  });
}
