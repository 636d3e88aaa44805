import { createAnthropic } from '@ai-sdk/anthropic';
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { LanguageModelV3 } from '@ai-sdk/provider';
import { createOllama } from 'ollama-ai-provider-v2';
import type { LlmProviderId } from './llmSettings.js';

/** What {@link createSdkModel} needs: settings already resolved to a model and an endpoint. */
export interface SdkModelOptions {
  provider: LlmProviderId;
  model: string;
  baseUrl: string;
  apiKey?: string;
  /** Replaces global fetch (tests, proxies). */
  fetch?: typeof globalThis.fetch;
}

/** The Ollama provider addresses `<root>/api/chat`; users give the server root, as `OLLAMA_HOST` does. */
function ollamaApiUrl(baseUrl: string): string {
  const trimmed = baseUrl.replace(/\/+$/, '');
  return trimmed.endsWith('/api') ? trimmed : `${trimmed}/api`;
}

/**
 * The Vercel AI SDK model of one provider. OpenAI is reached through its chat completions API (the wire format every
 * OpenAI-compatible server — vLLM, llama.cpp, LM Studio, Azure's `/openai/v1` — also speaks).
 */
export function createSdkModel(options: SdkModelOptions): LanguageModelV3 {
  const { provider, model, baseUrl, apiKey, fetch } = options;
  switch (provider) {
    case 'openai':
      return createOpenAI({ apiKey, baseURL: baseUrl, fetch }).chat(model);
    case 'openai-compatible':
      return createOpenAICompatible({
        name: 'openai-compatible',
        baseURL: baseUrl,
        apiKey,
        fetch,
        includeUsage: true,
      }).chatModel(model);
    case 'anthropic':
      return createAnthropic({ apiKey, baseURL: baseUrl, fetch })(model);
    case 'ollama':
      return createOllama({ baseURL: ollamaApiUrl(baseUrl), fetch }).chat(model);
  }
}
