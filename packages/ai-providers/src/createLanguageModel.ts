import {
  type Clock,
  err,
  type FinishReason,
  type GenerateRequest,
  type GenerateResult,
  InputError,
  type LanguageModel,
  ok,
  type Result,
  redactingModel,
  systemClock,
  UpstreamError,
} from '@opspilot/core';
import { generateText, jsonSchema, streamText, type ToolSet, tool } from 'ai';
import { createSdkModel } from './createSdkModel.js';
import { CallPolicy, DEFAULT_BASE_URLS, DEFAULT_MODELS, LlmSettings } from './llmSettings.js';
import { retryDelay } from './retryDelay.js';
import { toSdkMessages } from './toSdkMessages.js';
import { type CallTarget, keyVariableOf, toUpstreamError } from './toUpstreamError.js';

/** Options of {@link createLanguageModel} beyond the configuration. */
export interface LanguageModelOptions {
  policy?: Partial<CallPolicy>;
  /** Back-off waits run on this clock (tests pass one that records them). */
  clock?: Clock;
  fetch?: typeof globalThis.fetch;
}

/** Output cap when the request names none (Anthropic requires one; others would use the model's own). */
const DEFAULT_MAX_TOKENS = 4_096;

// The SDK otherwise prints its warnings to the console of the CLI and the server.
(globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS = false;

const FINISH: Record<string, FinishReason> = {
  stop: 'stop',
  length: 'length',
  'tool-calls': 'tool-calls',
  error: 'error',
};

function toolSet(request: GenerateRequest): ToolSet | undefined {
  if (!request.tools?.length) return undefined;
  return Object.fromEntries(
    request.tools.map((spec) => [
      spec.name,
      tool({
        description: spec.description,
        inputSchema: jsonSchema(spec.inputSchema as Parameters<typeof jsonSchema>[0]),
      }),
    ]),
  );
}

/** A streamed call: text deltas go to `onText` as they arrive; the stream's error part is thrown like a failed call. */
async function streamOnce(
  settings: Parameters<typeof generateText>[0],
  onText: (delta: string) => void,
): Promise<Pick<Awaited<ReturnType<typeof generateText>>, 'text' | 'toolCalls' | 'usage' | 'finishReason'>> {
  const stream = streamText({ ...settings, onError: () => undefined } as Parameters<typeof streamText>[0]);
  for await (const part of stream.fullStream) {
    if (part.type === 'text-delta') onText(part.text);
    else if (part.type === 'error') throw part.error;
  }
  return {
    text: await stream.text,
    toolCalls: (await stream.toolCalls) as Awaited<ReturnType<typeof generateText>>['toolCalls'],
    usage: await stream.usage,
    finishReason: await stream.finishReason,
  };
}

async function callOnce(
  sdkModel: ReturnType<typeof createSdkModel>,
  request: GenerateRequest,
  signal: AbortSignal,
): Promise<GenerateResult> {
  const settings = {
    model: sdkModel,
    system: request.system,
    messages: toSdkMessages(request.messages),
    tools: toolSet(request),
    maxOutputTokens: request.maxTokens ?? DEFAULT_MAX_TOKENS,
    temperature: request.temperature,
    abortSignal: signal,
    maxRetries: 0,
  };
  const result = request.onText ? await streamOnce(settings, request.onText) : await generateText(settings);
  return {
    text: result.text,
    toolCalls: result.toolCalls.map((call) => ({
      id: call.toolCallId,
      name: call.toolName,
      arguments:
        typeof call.input === 'object' && call.input !== null && !Array.isArray(call.input)
          ? (call.input as Record<string, unknown>)
          : {},
    })),
    usage: { inputTokens: result.usage.inputTokens ?? 0, outputTokens: result.usage.outputTokens ?? 0 },
    finishReason: FINISH[result.finishReason] ?? 'other',
  };
}

/**
 * A {@link LanguageModel} for the configured provider (OpenAI, any OpenAI-compatible endpoint, Anthropic, Ollama),
 * through the Vercel AI SDK. Each HTTP call is aborted after `policy.timeoutMs`; 429, 5xx, timeouts and unreachable
 * endpoints are retried up to `policy.maxRetries` times with exponential back-off, waiting what `Retry-After` asks
 * when the server sends it. Every failure is an `UpstreamError` with a hint. Every request is redacted before it is
 * sent (`redactingModel` of `@opspilot/core`): no secret of the catalogue leaves for the provider, whoever calls it.
 * Returns an InputError when the settings lack what the provider needs (a key, a model, a base URL).
 * @example
 * const model = createLanguageModel(config.llm);
 * if (!model.ok) return reportError(model.error);
 * const answer = await model.value.generate({ messages: [{ role: 'user', content: 'hi' }] });
 */
export function createLanguageModel(
  settings: LlmSettings,
  options: LanguageModelOptions = {},
): Result<LanguageModel, InputError> {
  const parsed = LlmSettings.safeParse(settings);
  if (!parsed.success) {
    return err(
      new InputError(`invalid llm settings: ${parsed.error.issues.map((i) => i.message).join('; ')}`, {
        hint: 'set OPSPILOT_LLM_PROVIDER to openai, openai-compatible, anthropic or ollama',
      }),
    );
  }
  const { provider, api_key: apiKey } = parsed.data;
  const model = parsed.data.model ?? DEFAULT_MODELS[provider];
  const baseUrl = parsed.data.base_url ?? DEFAULT_BASE_URLS[provider];
  if (!model) return err(new InputError(`${provider} needs a model name`, { hint: 'set OPSPILOT_LLM_MODEL' }));
  if (!baseUrl) return err(new InputError(`${provider} needs an endpoint`, { hint: 'set OPSPILOT_LLM_BASE_URL' }));
  if (!apiKey && (provider === 'openai' || provider === 'anthropic')) {
    return err(new InputError(`${provider} needs an API key`, { hint: `set ${keyVariableOf(provider)}` }));
  }
  const policy = CallPolicy.parse(options.policy ?? {});
  const clock = options.clock ?? systemClock;
  const sdkModel = createSdkModel({ provider, model, baseUrl, apiKey, fetch: options.fetch });
  const target: CallTarget = { provider, model, baseUrl };

  async function generate(request: GenerateRequest): Promise<GenerateResult> {
    for (let attempt = 0; ; attempt++) {
      const timeout = AbortSignal.timeout(policy.timeoutMs);
      const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
      try {
        return await callOnce(sdkModel, request, signal);
      } catch (error) {
        if (request.signal?.aborted) throw request.signal.reason;
        const failure = toUpstreamError(error, target, timeout.aborted ? policy.timeoutMs : undefined);
        if (!failure.retryable || attempt >= policy.maxRetries) throw failure;
        const headers = (error as { responseHeaders?: Record<string, string> }).responseHeaders;
        const wait = retryDelay(attempt + 1, headers, policy, clock.now());
        if (wait > policy.maxDelayMs) {
          throw new UpstreamError(`${failure.message}; the server asked to wait ${Math.ceil(wait / 1000)} s`, {
            source: provider,
            status: failure.status,
            cause: failure,
            hint: `try again in ${Math.ceil(wait / 1000)} s, or set OPSPILOT_LLM_PROVIDER=offline`,
          });
        }
        await clock.sleep(wait, request.signal);
      }
    }
  }

  return ok(redactingModel({ id: `${provider}:${model}`, generate }));
}
