import type { ToolCall } from '../models/seed003/index.js';

/**
 * One message of a conversation with a model. An assistant message that asked for tools carries its
 * `toolCalls`; each answer follows as a `tool` message naming the call in `toolCallId` (providers refuse a
 * conversation where the two do not pair up).
 */
export interface ModelMessage {
  role: 'system' | 'user' | 'assistant' | 'tool';
  content: string;
  toolCalls?: ToolCall[];
  toolCallId?: string;
}

/** A tool offered to a model: its name, what it does and its input's JSON Schema. */
export interface ModelToolSpec {
  name: string;
  description: string;
  inputSchema: Record<string, unknown>;
}

/** A request to a language model. */
export interface GenerateRequest {
  /** Instructions placed before the conversation. */
  system?: string;
  messages: ModelMessage[];
  tools?: ModelToolSpec[];
  maxTokens?: number;
  temperature?: number;
  signal?: AbortSignal;
  /**
   * When set, the provider streams the answer and calls this with each piece of text as it arrives (chat shows
   * answers as they are written); the result is the same as without it.
   */
  onText?: (delta: string) => void;
}

/** Why a model stopped: done, out of tokens, waiting for tool results, or failed. */
export type FinishReason = 'stop' | 'length' | 'tool-calls' | 'error' | 'other';

/** What a model answered: text and/or the tool calls it wants made, and what it cost. */
export interface GenerateResult {
  text: string;
  /** Arguments are as the model wrote them: parse them with the tool's schema before use. */
  toolCalls: ToolCall[];
  usage: { inputTokens: number; outputTokens: number };
  finishReason: FinishReason;
}

/**
 * A language model. It only proposes: whatever it returns is parsed, validated and reviewed before anything runs.
 * Implemented by the providers of `@opspilot/ai` (OpenAI-compatible, Anthropic, Ollama) and by the offline planner.
 */
export interface LanguageModel {
  /** e.g. `openai:gpt-4o-mini`, `offline`; recorded in the audit trail as the `ai_tool`. */
  readonly id: string;
  generate(request: GenerateRequest): Promise<GenerateResult>;
}
