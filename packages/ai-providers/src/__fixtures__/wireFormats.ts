/** Bodies in the providers' documented wire formats, for the loopback servers. */

/** An OpenAI chat completion (also what OpenAI-compatible servers answer). */
export function openAiCompletion(options: {
  content?: string | null;
  toolCalls?: { id: string; name: string; arguments: string }[];
  finish?: string;
}) {
  return {
    id: 'chatcmpl-1',
    object: 'chat.completion',
    created: 1767225600,
    model: 'gpt-4o-mini',
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: options.content ?? null,
          ...(options.toolCalls
            ? {
                tool_calls: options.toolCalls.map((c) => ({
                  id: c.id,
                  type: 'function',
                  function: { name: c.name, arguments: c.arguments },
                })),
              }
            : {}),
        },
        finish_reason: options.finish ?? (options.toolCalls ? 'tool_calls' : 'stop'),
      },
    ],
    usage: { prompt_tokens: 42, completion_tokens: 7, total_tokens: 49 },
  };
}

/** An OpenAI error body. */
export function openAiError(message: string, code: string, type = 'invalid_request_error') {
  return { error: { message, type, param: null, code } };
}

/** An Anthropic Messages API answer. */
export function anthropicMessage(content: unknown[], stopReason = 'end_turn') {
  return {
    id: 'msg_01',
    type: 'message',
    role: 'assistant',
    model: 'claude-haiku-4-5',
    content,
    stop_reason: stopReason,
    stop_sequence: null,
    usage: { input_tokens: 30, output_tokens: 9 },
  };
}

/** An Anthropic error body. */
export function anthropicError(type: string, message: string) {
  return { type: 'error', error: { type, message } };
}

/** An Ollama `/api/chat` answer (non-streaming). */
export function ollamaChat(content: string, toolCalls?: { name: string; arguments: Record<string, unknown> }[]) {
  return {
    model: 'llama3.1',
    created_at: '2026-01-01T00:00:00.000Z',
    message: {
      role: 'assistant',
      content,
      ...(toolCalls ? { tool_calls: toolCalls.map((c) => ({ function: c })) } : {}),
    },
    done: true,
    done_reason: 'stop',
    total_duration: 1000,
    load_duration: 10,
    prompt_eval_count: 12,
    prompt_eval_duration: 100,
    eval_count: 4,
    eval_duration: 100,
  };
}
