import { type LanguageModel, listProviders, registerProvider, unwrap } from '@opspilot/core';
import { createLanguageModel, type LanguageModelOptions } from './createLanguageModel.js';
import { LLM_PROVIDER_IDS, type LlmSettings } from './llmSettings.js';

/**
 * Registers `language-model:openai`, `language-model:openai-compatible`, `language-model:anthropic` and
 * `language-model:ollama`, so a composition root can build the configured model by name. Idempotent. The factory
 * throws the InputError of {@link createLanguageModel} when the settings are incomplete.
 * @example
 * registerLanguageModels();
 * const model = getProvider<LanguageModel, LlmSettings>(`language-model:${config.llm.provider}`).create(config.llm);
 */
export function registerLanguageModels(options: LanguageModelOptions = {}): void {
  const known = new Set(listProviders());
  for (const provider of LLM_PROVIDER_IDS) {
    const id = `language-model:${provider}`;
    if (known.has(id)) continue;
    registerProvider<LanguageModel, Omit<LlmSettings, 'provider'>>(id, (settings) =>
      unwrap(createLanguageModel({ ...settings, provider }, options)),
    );
  }
}
