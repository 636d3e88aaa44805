import { type LanguageModel, type ModelMessage, redactingModel, redactText, UpstreamError } from '@opspilot/core';
import { z } from 'zod';
import type { ChatPersona } from '../personas/chatPersona.js';
import { personaToolFilter } from '../personas/personaTools.js';
import { callTool } from '../tools/callTool.js';
import type { ToolContext } from '../tools/toolContext.js';
import type { ToolRegistry } from '../tools/toolRegistry.js';
import { chatSystemPrompt } from './chatPrompt.js';
import {
  type ChatBudgets,
  type ChatStreamEvent,
  DEFAULT_CHAT_BUDGETS,
  type TurnMessage,
  type TurnOutcome,
  toToolResult,
} from './chatTypes.js';

/** What one chat turn with a model works with. */
export interface TurnOptions {
  text: string;
  history: ModelMessage[];
  persona: ChatPersona;
  registry: ToolRegistry;
  context: ToolContext;
  readOnly?: boolean;
  budgets?: Partial<ChatBudgets>;
  /** Stores a message of the turn as soon as it exists (assistant tool calls, tool results, the answer). */
  record(message: TurnMessage): Promise<void>;
  emit(event: ChatStreamEvent): void;
}

/**
 * One turn of a conversation with a language model: the model answers, or calls the persona's tools (results
 * redacted, bounded, untrusted-labelled; bad arguments sent back as errors so it can retry) until it answers. The
 * step and token budgets stop a model that loops, with the reason recorded in the answer. Text is streamed.
 */
export async function runModelTurn(model: LanguageModel, options: TurnOptions): Promise<TurnOutcome> {
  const budgets = { ...DEFAULT_CHAT_BUDGETS, ...options.budgets };
  const filter = personaToolFilter(options.persona, options.readOnly);
  const tools = options.registry.list(filter).map((tool) => ({
    name: tool.name,
    description: tool.description,
    inputSchema: z.toJSONSchema(tool.input, { unrepresentable: 'any', io: 'input' }) as Record<string, unknown>,
  }));
  const system = chatSystemPrompt(options.persona, await options.context.backend.clusters(), options.context.namespace);
  const messages: ModelMessage[] = [...options.history, { role: 'user', content: redactText(options.text) }];
  const safe = redactingModel(model);
  let tokens = 0;
  const finish = async (answer: string, steps: number, latency: number, stopped?: string): Promise<TurnOutcome> => {
    if (stopped) options.emit({ type: 'stopped', reason: stopped });
    await options.record({
      role: 'ASSISTANT',
      content: answer,
      persona_id: options.persona.id,
      tool_calls: [],
      tool_results: [],
      model: model.id,
      tokens_used: tokens,
      latency_ms: latency,
    });
    return { answer, tokens, steps, ...(stopped ? { stopped } : {}) };
  };
  for (let step = 0; ; step++) {
    if (step >= budgets.maxSteps) {
      const reason = `stopped: the step budget of ${budgets.maxSteps} model calls was used without a final answer`;
      return finish(reason, step, 0, reason);
    }
    if (tokens >= budgets.maxTokens) {
      const reason = `stopped: the token budget of ${budgets.maxTokens} tokens was used (${tokens}) without a final answer`;
      return finish(reason, step, 0, reason);
    }
    const started = Date.now();
    let result: Awaited<ReturnType<LanguageModel['generate']>>;
    try {
      result = await safe.generate({
        system,
        messages,
        tools,
        maxTokens: Math.max(256, Math.min(4_096, budgets.maxTokens - tokens)),
        temperature: 0,
        onText: (delta) => options.emit({ type: 'text', delta }),
        ...(options.context.signal ? { signal: options.context.signal } : {}),
      });
    } catch (error) {
      if (!(error instanceof UpstreamError)) throw error;
      const reason = `stopped: ${model.id} failed: ${error.message}${error.hint ? ` (${error.hint})` : ''}`;
      return finish(reason, step, Date.now() - started, reason);
    }
    tokens += result.usage.inputTokens + result.usage.outputTokens;
    const latency = Date.now() - started;
    if (!result.toolCalls.length) return finish(result.text, step + 1, latency);
    messages.push({ role: 'assistant', content: result.text, toolCalls: result.toolCalls });
    await options.record({
      role: 'ASSISTANT',
      content: result.text,
      persona_id: options.persona.id,
      tool_calls: result.toolCalls,
      tool_results: [],
      model: model.id,
      tokens_used: result.usage.inputTokens + result.usage.outputTokens,
      latency_ms: latency,
    });
    const results = [];
    for (const call of result.toolCalls) {
      options.emit({ type: 'tool_call', call });
      const invocation = await callTool(options.registry, call, options.context, { filter });
      options.emit({ type: 'tool_result', invocation });
      messages.push({ role: 'tool', toolCallId: call.id, content: invocation.content });
      results.push(toToolResult(invocation));
    }
    await options.record({
      role: 'TOOL',
      content: '',
      persona_id: options.persona.id,
      tool_calls: [],
      tool_results: results,
    });
  }
}
