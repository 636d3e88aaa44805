import { APICallError } from '@ai-sdk/provider';
import { UpstreamError } from '@opspilot/core';
import type { LlmProviderId } from './llmSettings.js';

/** What an error is translated against: which provider, model and endpoint were called. */
export interface CallTarget {
  provider: LlmProviderId;
  model: string;
  baseUrl: string;
}

const KEY_VARIABLE: Record<LlmProviderId, string> = {
  openai: 'OPENAI_API_KEY',
  'openai-compatible': 'OPSPILOT_LLM_API_KEY',
  anthropic: 'ANTHROPIC_API_KEY',
  ollama: 'OPSPILOT_LLM_API_KEY',
};

/** The environment variable that holds the provider's key (named in hints). */
export function keyVariableOf(provider: LlmProviderId): string {
  return KEY_VARIABLE[provider];
}

function unknownModelHint(target: CallTarget): string {
  if (target.provider === 'ollama')
    return `run \`ollama pull ${target.model}\` or set OPSPILOT_LLM_MODEL to a pulled model`;
  return `check OPSPILOT_LLM_MODEL (${target.model}) names a model this endpoint serves, and that OPSPILOT_LLM_BASE_URL (${target.baseUrl}) is the API root`;
}

function fromStatus(error: APICallError, target: CallTarget): UpstreamError {
  const status = error.statusCode ?? 0;
  const source = target.provider;
  const base = { source, status, cause: error };
  const said = error.message;
  if (status === 401 || status === 403) {
    return new UpstreamError(`${source} refused the API key (${status}): ${said}`, {
      ...base,
      hint: `check ${keyVariableOf(target.provider)} (or llm.api_key in opspilot.yaml)`,
    });
  }
  const mentionsModel = /model/i.test(`${said} ${error.responseBody ?? ''}`);
  if (status === 404 || (status === 400 && mentionsModel && /not (be )?found|does not exist|unknown/i.test(said))) {
    return new UpstreamError(`${source} does not know model ${target.model} (${status}): ${said}`, {
      ...base,
      hint: unknownModelHint(target),
    });
  }
  if (status === 429) {
    return new UpstreamError(`${source} is rate limiting requests (429): ${said}`, {
      ...base,
      retryable: true,
      hint: 'wait and retry, or lower the request rate; the offline planner needs no model',
    });
  }
  if (status >= 500) {
    return new UpstreamError(`${source} failed (${status}): ${said}`, {
      ...base,
      retryable: true,
      hint: `the provider is having trouble; retry later or set OPSPILOT_LLM_PROVIDER=offline`,
    });
  }
  return new UpstreamError(`${source} rejected the request (${status}): ${said}`, {
    ...base,
    hint: 'check OPSPILOT_LLM_MODEL and that the endpoint speaks this provider’s API',
  });
}

/**
 * Translates anything a provider call threw into an {@link UpstreamError} whose hint names the fix: a refused key
 * names the key's variable, an unknown model the model setting, an unreachable endpoint the base URL; 429, 5xx,
 * timeouts and connection failures are `retryable`.
 */
export function toUpstreamError(error: unknown, target: CallTarget, timedOutAfterMs?: number): UpstreamError {
  if (error instanceof UpstreamError) return error;
  if (timedOutAfterMs !== undefined) {
    return new UpstreamError(`${target.provider} did not answer within ${timedOutAfterMs} ms`, {
      source: target.provider,
      retryable: true,
      cause: error,
      hint: `check that ${target.baseUrl} is up, or raise the call timeout`,
    });
  }
  if (APICallError.isInstance(error)) {
    if (error.statusCode !== undefined) return fromStatus(error, target);
    return new UpstreamError(`cannot reach ${target.provider} at ${target.baseUrl}: ${error.message}`, {
      source: target.provider,
      retryable: true,
      cause: error,
      hint: 'check OPSPILOT_LLM_BASE_URL and that the server is running and reachable',
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new UpstreamError(`${target.provider} call failed: ${message}`, {
    source: target.provider,
    cause: error,
    hint: 'check that OPSPILOT_LLM_BASE_URL points at an endpoint speaking this provider’s API',
  });
}
