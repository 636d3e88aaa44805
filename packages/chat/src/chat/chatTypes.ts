import type { ChatRole, ToolCall, ToolResult } from '@opspilot/core';
import type { ToolInvocation } from '../tools/callTool.js';

/** A message of a turn as it is stored (seed 003 §5.2), before the store gives it an id and a time. */
export interface TurnMessage {
  role: ChatRole;
  content: string;
  persona_id?: string;
  tool_calls: ToolCall[];
  tool_results: ToolResult[];
  model?: string;
  tokens_used?: number;
  latency_ms?: number;
}

/** What a turn streams while it runs (the web shows it as it comes). */
export type ChatStreamEvent =
  | { type: 'text'; delta: string }
  | { type: 'tool_call'; call: ToolCall }
  | { type: 'tool_result'; invocation: ToolInvocation }
  | { type: 'stopped'; reason: string };

/** Limits of one turn: model calls and tokens; reaching one stops the turn and says why. */
export interface ChatBudgets {
  maxSteps: number;
  maxTokens: number;
}

/** Defaults of {@link ChatBudgets}. */
export const DEFAULT_CHAT_BUDGETS: ChatBudgets = { maxSteps: 8, maxTokens: 60_000 };

/** How a turn ended. */
export interface TurnOutcome {
  /** The final answer shown to the user. */
  answer: string;
  /** Why the turn stopped early (a budget, a provider failure), if it did. */
  stopped?: string;
  tokens: number;
  steps: number;
}

/** A {@link ToolInvocation} as the seed's ToolResult: the text the model saw and the redacted data for the web. */
export function toToolResult(invocation: ToolInvocation): ToolResult {
  return {
    tool_call_id: invocation.call.id,
    status: invocation.status,
    result: {
      tool: invocation.call.name,
      content: invocation.content,
      ...(invocation.data !== undefined ? { data: invocation.data } : {}),
      duration_ms: invocation.duration_ms,
    },
    ...(invocation.error ? { error: invocation.error } : {}),
  };
}
