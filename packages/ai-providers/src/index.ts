/**
 * @opspilot/ai-providers — the `LanguageModel` port over the Vercel AI SDK: OpenAI, any OpenAI-compatible endpoint
 * (vLLM, llama.cpp, LM Studio, Azure), Anthropic and Ollama, with timeouts, retries and typed errors.
 */
export { configuredModel, type LlmConfig } from './configuredModel.js';
export { createLanguageModel, type LanguageModelOptions } from './createLanguageModel.js';
export {
  CallPolicy,
  DEFAULT_BASE_URLS,
  DEFAULT_MODELS,
  LLM_PROVIDER_IDS,
  type LlmProviderId,
  LlmSettings,
} from './llmSettings.js';
export { registerLanguageModels } from './registerLanguageModels.js';
export { retryDelay } from './retryDelay.js';
export { keyVariableOf, toUpstreamError } from './toUpstreamError.js';
