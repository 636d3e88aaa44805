import { UpstreamError } from '@opspilot/core';
import { afterEach, describe, expect, it } from 'vitest';
import { type LlmServer, recordingClock, startLlmServer } from './__fixtures__/llmServer.js';
import { anthropicError, anthropicMessage } from './__fixtures__/wireFormats.js';
import { createLanguageModel } from './createLanguageModel.js';

let server: LlmServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

function anthropic(url: string, clock = recordingClock()) {
  const model = createLanguageModel(
    { provider: 'anthropic', base_url: `${url}/v1`, api_key: 'sk-ant-test' },
    { clock, policy: { timeoutMs: 2_000, maxRetries: 2, initialDelayMs: 250 } },
  );
  if (!model.ok) throw model.error;
  return model.value;
}

const ask = { messages: [{ role: 'user' as const, content: 'what is wrong with backend?' }] };

describe('Anthropic messages API', () => {
  it('sends system, messages and tools with the key header, and reads text and tool_use blocks', async () => {
    server = await startLlmServer([
      {
        body: anthropicMessage(
          [
            { type: 'text', text: 'Let me look.' },
            {
              type: 'tool_use',
              id: 'toolu_01',
              name: 'describe_object',
              input: { kind: 'Deployment', name: 'backend' },
            },
          ],
          'tool_use',
        ),
      },
    ]);
    const model = anthropic(server.url);
    const result = await model.generate({
      ...ask,
      system: 'Only propose.',
      tools: [
        { name: 'describe_object', description: 'Describe an object', inputSchema: { type: 'object', properties: {} } },
      ],
    });
    expect(model.id).toBe('anthropic:claude-haiku-4-5');
    expect(result).toMatchObject({
      text: 'Let me look.',
      toolCalls: [{ id: 'toolu_01', name: 'describe_object', arguments: { kind: 'Deployment', name: 'backend' } }],
      usage: { inputTokens: 30, outputTokens: 9 },
      finishReason: 'tool-calls',
    });
    const sent = server.requests[0];
    expect(sent?.path).toBe('/v1/messages');
    expect(sent?.headers['x-api-key']).toBe('sk-ant-test');
    expect(sent?.headers['anthropic-version']).toBeDefined();
    expect(JSON.stringify(sent?.body.system)).toContain('Only propose.');
    expect((sent?.body.tools as { name: string }[] | undefined)?.[0]?.name).toBe('describe_object');
  });

  it('names ANTHROPIC_API_KEY on authentication_error', async () => {
    server = await startLlmServer([{ status: 401, body: anthropicError('authentication_error', 'invalid x-api-key') }]);
    const error = await anthropic(server.url)
      .generate(ask)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as UpstreamError).hint).toContain('ANTHROPIC_API_KEY');
  });

  it('names the model setting on not_found_error', async () => {
    server = await startLlmServer([{ status: 404, body: anthropicError('not_found_error', 'model: claude-9') }]);
    const error = (await anthropic(server.url)
      .generate(ask)
      .catch((e: unknown) => e)) as UpstreamError;
    expect(error.hint).toContain('OPSPILOT_LLM_MODEL');
  });

  it('times out a call that never answers, with a retryable error naming the endpoint', async () => {
    server = await startLlmServer([{ hang: true }]);
    const created = createLanguageModel(
      { provider: 'anthropic', base_url: `${server.url}/v1`, api_key: 'sk-ant-test' },
      { clock: recordingClock(), policy: { timeoutMs: 150, maxRetries: 0 } },
    );
    if (!created.ok) throw created.error;
    const error = (await created.value.generate(ask).catch((e: unknown) => e)) as UpstreamError;
    expect(error).toMatchObject({ source: 'anthropic', retryable: true });
    expect(error.message).toContain('within 150 ms');
    expect(error.hint).toContain(server.url);
  });

  it('retries 529 overloaded and 429 with Retry-After, then answers', async () => {
    server = await startLlmServer([
      { status: 529, body: anthropicError('overloaded_error', 'Overloaded') },
      {
        status: 429,
        headers: { 'retry-after': '2' },
        body: anthropicError('rate_limit_error', 'Number of requests exceeded'),
      },
      { body: anthropicMessage([{ type: 'text', text: 'ok' }]) },
    ]);
    const clock = recordingClock();
    const result = await anthropic(server.url, clock).generate(ask);
    expect(result).toMatchObject({ text: 'ok', finishReason: 'stop' });
    expect(clock.waits).toEqual([250, 2_000]);
  });
});
