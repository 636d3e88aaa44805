/** One message of a conversation with a model. */
export interface ModelMessage {
  role: 'system' | 'user' | 'assistant' | 'tool';
  content: string;
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
  system?: string;
  messages: ModelMessage[];
  tools?: ModelToolSpec[];
  maxTokens?: number;
  temperature?: number;
  signal?: AbortSignal;
}

/** What a model answered: text and/or tool calls it wants made. */
export interface GenerateResult {
  text: string;
  toolCalls: { id: string; name: string; arguments: Record<string, unknown> }[];
  usage: { inputTokens: number; outputTokens: number };
  finishReason: 'stop' | 'length' | 'tool-calls' | 'error' | 'other';
}

/**
 * A language model. It only proposes: whatever it returns is parsed, validated and reviewed before anything runs.
 * Implemented by the providers of `@opspilot/ai` (OpenAI-compatible, Anthropic, Ollama) and by the offline planner.
 */
export interface LanguageModel {
  readonly id: string;
  generate(request: GenerateRequest): Promise<GenerateResult>;
}
