import type { ChatItem } from './chatItems.js';
import { ToolCallView } from './ToolCallView.js';

/** The conversation: questions, streamed answers, tool calls and notices (a budget reached, a failure). */
export function ChatTranscript({ items, streaming }: { items: ChatItem[]; streaming: boolean }) {
  if (!items.length) {
    return <p className="text-sm text-slate-600 dark:text-slate-300">No messages yet.</p>;
  }
  return (
    <ol className="space-y-3" aria-label="Messages" aria-busy={streaming}>
      {items.map((item, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the transcript only grows at its end
        <li key={index}>
          {item.kind === 'user' ? (
            <div className="ml-auto w-fit max-w-3xl rounded-lg bg-sky-100 px-3 py-2 dark:bg-sky-900" data-role="user">
              {item.text}
            </div>
          ) : item.kind === 'assistant' ? (
            <div
              className="max-w-3xl whitespace-pre-wrap rounded-lg bg-slate-100 px-3 py-2 dark:bg-slate-800"
              data-role="assistant"
            >
              {item.text}
              {item.model ? <div className="mt-1 text-xs text-slate-500">{item.model}</div> : null}
            </div>
          ) : item.kind === 'tool' ? (
            <ToolCallView item={item} />
          ) : (
            <div role="status" className="text-sm text-amber-800 dark:text-amber-300">
              {item.text}
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}
