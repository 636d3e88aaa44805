import type { StreamFrame } from './readEventStream.js';

/** A tool call as the chat shows it, with its result once it arrives. */
export interface ToolItem {
  kind: 'tool';
  id: string;
  name: string;
  arguments: unknown;
  result?: { status: string; content: string; data?: unknown; error?: string };
}

/** What the conversation shows, in order. */
export type ChatItem =
  | { kind: 'user'; text: string }
  | { kind: 'assistant'; text: string; model?: string }
  | ToolItem
  | { kind: 'notice'; text: string };

/** The conversation after one frame of the answer's stream. */
export function applyFrame(items: ChatItem[], frame: StreamFrame): ChatItem[] {
  const data = frame.data as Record<string, unknown>;
  const last = items.at(-1);
  switch (frame.event) {
    case 'text':
      return last?.kind === 'assistant'
        ? [...items.slice(0, -1), { ...last, text: last.text + String(data.delta) }]
        : [...items, { kind: 'assistant', text: String(data.delta) }];
    case 'tool_call':
      return [...items, { kind: 'tool', id: String(data.id), name: String(data.name), arguments: data.arguments }];
    case 'tool_result':
      return items.map((item) =>
        item.kind === 'tool' && item.id === data.tool_call_id
          ? { ...item, result: data as unknown as NonNullable<ToolItem['result']> }
          : item,
      );
    case 'stopped':
      return [...items, { kind: 'notice', text: String(data.reason) }];
    case 'error':
      return [...items, { kind: 'notice', text: String(data.message ?? 'the answer failed') }];
    case 'done': {
      // The model's text before tool calls was streamed too; the final answer is what the turn returned.
      if (last?.kind === 'assistant') return [...items.slice(0, -1), { ...last, model: String(data.model) }];
      return data.answer
        ? [...items, { kind: 'assistant', text: String(data.answer), model: String(data.model) }]
        : items;
    }
    default:
      return items;
  }
}
