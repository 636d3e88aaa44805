import { loadConfig } from '@opspilot/config';
import { afterEach, describe, expect, it } from 'vitest';
import { type LlmServer, recordingClock, startLlmServer } from './__fixtures__/llmServer.js';
import { openAiCompletion, openAiError } from './__fixtures__/wireFormats.js';
import { configuredModel } from './configuredModel.js';
import { createLanguageModel } from './createLanguageModel.js';

let server: LlmServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

describe('OpenAI-compatible endpoints (vLLM, llama.cpp, LM Studio, Azure)', () => {
  it('is chosen by OPSPILOT_LLM_* variables through the configuration and calls the given base URL', async () => {
    server = await startLlmServer([{ body: openAiCompletion({ content: 'hello from vllm' }) }]);
    const config = await loadConfig({
      cwd: '/nonexistent-dir-for-test',
      env: {
        OPSPILOT_LLM_PROVIDER: 'openai-compatible',
        OPSPILOT_LLM_BASE_URL: `${server.url}/v1`,
        OPSPILOT_LLM_MODEL: 'qwen2.5-7b-instruct',
        OPSPILOT_LLM_API_KEY: 'local-key',
      },
    });
    const configured = configuredModel(config.llm, { clock: recordingClock() });
    if (!configured.ok || !configured.value) throw new Error('expected a model');
    const model = { value: configured.value };
    const result = await model.value.generate({ messages: [{ role: 'user', content: 'hi' }] });
    expect(result.text).toBe('hello from vllm');
    expect(model.value.id).toBe('openai-compatible:qwen2.5-7b-instruct');
    expect(server.requests[0]?.path).toBe('/v1/chat/completions');
    expect(server.requests[0]?.body.model).toBe('qwen2.5-7b-instruct');
    expect(server.requests[0]?.headers.authorization).toBe('Bearer local-key');
  });

  it('gives no model for the offline default, so the built-in planner answers', async () => {
    const config = await loadConfig({ cwd: '/nonexistent-dir-for-test', env: {} });
    expect(configuredModel(config.llm)).toEqual({ ok: true, value: undefined });
  });

  it('requires a model name, since such servers have no default', () => {
    const model = createLanguageModel({ provider: 'openai-compatible', base_url: 'http://127.0.0.1:1/v1' });
    expect(model.ok).toBe(false);
    if (!model.ok) expect(model.error.hint).toBe('set OPSPILOT_LLM_MODEL');
  });

  it('retries a 500 from a local server and then answers', async () => {
    server = await startLlmServer([
      { status: 500, body: openAiError('CUDA out of memory', 'server_error', 'server_error') },
      { body: openAiCompletion({ content: 'recovered' }) },
    ]);
    const clock = recordingClock();
    const model = createLanguageModel(
      { provider: 'openai-compatible', base_url: `${server.url}/v1`, model: 'm' },
      { clock, policy: { initialDelayMs: 100 } },
    );
    if (!model.ok) throw model.error;
    expect((await model.value.generate({ messages: [{ role: 'user', content: 'hi' }] })).text).toBe('recovered');
    expect(clock.waits).toEqual([100]);
  });

  it('reports a wrong key with the generic key variable', async () => {
    server = await startLlmServer([{ status: 401, body: openAiError('Invalid API key', 'invalid_api_key') }]);
    const model = createLanguageModel(
      { provider: 'openai-compatible', base_url: `${server.url}/v1`, model: 'm', api_key: 'bad' },
      { clock: recordingClock() },
    );
    if (!model.ok) throw model.error;
    const error = await model.value.generate({ messages: [{ role: 'user', content: 'hi' }] }).catch((e: unknown) => e);
    expect((error as { hint: string }).hint).toContain('OPSPILOT_LLM_API_KEY');
  });
});
