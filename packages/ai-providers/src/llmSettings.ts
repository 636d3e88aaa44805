import { z } from 'zod';

/** Providers this package implements (the `llm.provider` values of `@opspilot/config` other than `offline`). */
export const LLM_PROVIDER_IDS = ['openai', 'openai-compatible', 'anthropic', 'ollama'] as const;
export type LlmProviderId = (typeof LLM_PROVIDER_IDS)[number];

/** The model used when `llm.model` / `OPSPILOT_LLM_MODEL` is not set; openai-compatible servers have no default. */
export const DEFAULT_MODELS: Record<LlmProviderId, string | undefined> = {
  openai: 'gpt-4o-mini',
  'openai-compatible': undefined,
  anthropic: 'claude-haiku-4-5',
  ollama: 'llama3.1',
};

/** Where each provider is reached when `llm.base_url` / `OPSPILOT_LLM_BASE_URL` is not set. */
export const DEFAULT_BASE_URLS: Record<LlmProviderId, string | undefined> = {
  openai: 'https://api.openai.com/v1',
  'openai-compatible': undefined,
  anthropic: 'https://api.anthropic.com/v1',
  ollama: 'http://127.0.0.1:11434',
};

/**
 * The `llm` section of the opspilot configuration as this package reads it (snake_case, exactly as
 * `@opspilot/config` produces it from `opspilot.yaml`, `OPSPILOT_LLM_*`, `OPENAI_API_KEY` and `ANTHROPIC_API_KEY`).
 */
export const LlmSettings = z.object({
  provider: z.enum(LLM_PROVIDER_IDS, {
    error: `expected one of ${LLM_PROVIDER_IDS.join(', ')} (offline needs no provider)`,
  }),
  base_url: z.url({ protocol: /^https?$/, error: 'expected an http:// or https:// URL' }).optional(),
  model: z.string().min(1).optional(),
  api_key: z.string().min(1).optional(),
});
export type LlmSettings = z.infer<typeof LlmSettings>;

/** How calls are made: per-call timeout and retries (on 429, 5xx, timeouts and unreachable endpoints). */
export const CallPolicy = z.object({
  /** Abort one HTTP call after this long. */
  timeoutMs: z.int().positive().default(60_000),
  /** Retries after the first attempt. */
  maxRetries: z.int().min(0).max(10).default(3),
  /** First back-off; doubles on every retry unless the server sent Retry-After. */
  initialDelayMs: z.int().min(0).default(1_000),
  /** The longest wait accepted, whether from back-off or from Retry-After; a longer Retry-After fails the call. */
  maxDelayMs: z.int().min(0).default(60_000),
});
export type CallPolicy = z.infer<typeof CallPolicy>;
