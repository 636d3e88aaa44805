import type { InputError, LanguageModel, Result } from '@opspilot/core';
import { ok } from '@opspilot/core';
import { createLanguageModel, type LanguageModelOptions } from './createLanguageModel.js';
import type { LlmSettings } from './llmSettings.js';

/** The `llm` section of `@opspilot/config` as it is, `offline` included. */
export type LlmConfig = Omit<LlmSettings, 'provider'> & { provider: LlmSettings['provider'] | 'offline' };

/**
 * The model the configuration asks for, or `undefined` for `offline` (the built-in planner, no model): what a
 * composition root passes as `model` to `planRequest` of `@opspilot/ai`.
 * @example
 * const model = configuredModel(config.llm);
 * if (!model.ok) return reportError(model.error);
 * const outcome = await planRequest(text, { gateway, model: model.value });
 */
export function configuredModel(
  llm: LlmConfig,
  options: LanguageModelOptions = {},
): Result<LanguageModel | undefined, InputError> {
  const { provider, ...rest } = llm;
  if (provider === 'offline') return ok(undefined);
  return createLanguageModel({ provider, ...rest }, options);
}
