import { UpstreamError } from '@opspilot/core';
import { afterEach, describe, expect, it } from 'vitest';
import { type LlmServer, recordingClock, startLlmServer } from './__fixtures__/llmServer.js';
import { openAiCompletion, openAiError } from './__fixtures__/wireFormats.js';
import { createLanguageModel } from './createLanguageModel.js';

let server: LlmServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

const tools = [
  {
    name: 'get_object',
    description: 'Read one object',
    inputSchema: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
  },
];

function openAi(url: string, clock = recordingClock(), extra: Record<string, unknown> = {}) {
  const model = createLanguageModel(
    { provider: 'openai', base_url: `${url}/v1`, api_key: 'sk-test', model: 'gpt-4o-mini' },
    { clock, policy: { timeoutMs: 2_000, maxRetries: 2, initialDelayMs: 500, ...extra } },
  );
  if (!model.ok) throw model.error;
  return model.value;
}

async function failureOf(promise: Promise<unknown>): Promise<UpstreamError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UpstreamError);
  return error as UpstreamError;
}

describe('OpenAI chat completions', () => {
  it('sends the conversation and tools, and returns text, tool calls and usage', async () => {
    server = await startLlmServer([
      {
        body: openAiCompletion({
          content: null,
          toolCalls: [{ id: 'call_1', name: 'get_object', arguments: '{"name":"backend"}' }],
        }),
      },
    ]);
    const model = openAi(server.url);
    const result = await model.generate({
      system: 'You are careful.',
      messages: [
        { role: 'user', content: 'look at backend' },
        { role: 'assistant', content: '', toolCalls: [{ id: 'call_0', name: 'get_object', arguments: { name: 'x' } }] },
        { role: 'tool', toolCallId: 'call_0', content: '{"ok":false}' },
      ],
      tools,
    });
    expect(model.id).toBe('openai:gpt-4o-mini');
    expect(result).toMatchObject({
      toolCalls: [{ id: 'call_1', name: 'get_object', arguments: { name: 'backend' } }],
      usage: { inputTokens: 42, outputTokens: 7 },
      finishReason: 'tool-calls',
    });
    const sent = server.requests[0];
    expect(sent?.path).toBe('/v1/chat/completions');
    expect(sent?.headers.authorization).toBe('Bearer sk-test');
    const messages = sent?.body.messages as { role: string; tool_call_id?: string }[];
    expect(messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'tool']);
    expect(messages[3]?.tool_call_id).toBe('call_0');
    expect((sent?.body.tools as { function: { name: string } }[] | undefined)?.[0]?.function.name).toBe('get_object');
  });

  it('names OPENAI_API_KEY when the key is refused, without retrying', async () => {
    server = await startLlmServer([
      { status: 401, body: openAiError('Incorrect API key provided: sk-test.', 'invalid_api_key') },
    ]);
    const error = await failureOf(openAi(server.url).generate({ messages: [{ role: 'user', content: 'hi' }] }));
    expect(error).toMatchObject({ source: 'openai', status: 401, retryable: false });
    expect(error.hint).toContain('OPENAI_API_KEY');
    expect(server.requests).toHaveLength(1);
  });

  it('names the model setting when the model does not exist', async () => {
    server = await startLlmServer([
      {
        status: 404,
        body: openAiError('The model `gpt-9` does not exist or you do not have access to it.', 'model_not_found'),
      },
    ]);
    const error = await failureOf(openAi(server.url).generate({ messages: [{ role: 'user', content: 'hi' }] }));
    expect(error.status).toBe(404);
    expect(error.hint).toContain('OPSPILOT_LLM_MODEL');
  });

  it('waits what Retry-After asks on 429, then succeeds', async () => {
    server = await startLlmServer([
      {
        status: 429,
        headers: { 'retry-after': '7' },
        body: openAiError('Rate limit reached', 'rate_limit_exceeded', 'requests'),
      },
      { body: openAiCompletion({ content: 'done' }) },
    ]);
    const clock = recordingClock();
    const result = await openAi(server.url, clock).generate({ messages: [{ role: 'user', content: 'hi' }] });
    expect(result.text).toBe('done');
    expect(clock.waits).toEqual([7_000]);
    expect(server.requests).toHaveLength(2);
  });

  it('backs off exponentially on 5xx and gives up after maxRetries with a retryable error', async () => {
    server = await startLlmServer([
      { status: 503, body: openAiError('The server is overloaded', 'server_error', 'server_error') },
    ]);
    const clock = recordingClock();
    const error = await failureOf(openAi(server.url, clock).generate({ messages: [{ role: 'user', content: 'hi' }] }));
    expect(error).toMatchObject({ status: 503, retryable: true });
    expect(clock.waits).toEqual([500, 1_000]);
    expect(server.requests).toHaveLength(3);
  });

  it('refuses a Retry-After longer than the longest accepted wait', async () => {
    server = await startLlmServer([
      { status: 429, headers: { 'retry-after': '3600' }, body: openAiError('slow down', 'rate_limit_exceeded') },
    ]);
    const clock = recordingClock();
    const error = await failureOf(openAi(server.url, clock).generate({ messages: [{ role: 'user', content: 'hi' }] }));
    expect(error.message).toContain('3600 s');
    expect(clock.waits).toEqual([]);
  });

  it('times out a call that never answers and retries it', async () => {
    server = await startLlmServer([{ hang: true }]);
    const clock = recordingClock();
    const model = openAi(server.url, clock, { timeoutMs: 150, maxRetries: 1 });
    const error = await failureOf(model.generate({ messages: [{ role: 'user', content: 'hi' }] }));
    expect(error.message).toContain('within 150 ms');
    expect(error.retryable).toBe(true);
    expect(server.requests).toHaveLength(2);
  });

  it('says the base URL is unreachable when nothing listens there', async () => {
    server = await startLlmServer([{ body: {} }]);
    const url = server.url;
    await server.stop();
    server = undefined;
    const error = await failureOf(
      openAi(url, recordingClock(), { maxRetries: 0 }).generate({ messages: [{ role: 'user', content: 'hi' }] }),
    );
    expect(error.hint).toContain('OPSPILOT_LLM_BASE_URL');
    expect(error.retryable).toBe(true);
  });

  it('refuses settings without a key before any call', () => {
    const model = createLanguageModel({ provider: 'openai' });
    expect(model.ok).toBe(false);
    if (!model.ok) expect(model.error.hint).toBe('set OPENAI_API_KEY');
  });
});
