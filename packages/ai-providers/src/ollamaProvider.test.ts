import { UpstreamError } from '@opspilot/core';
import { afterEach, describe, expect, it } from 'vitest';
import { type LlmServer, recordingClock, startLlmServer } from './__fixtures__/llmServer.js';
import { ollamaChat } from './__fixtures__/wireFormats.js';
import { createLanguageModel } from './createLanguageModel.js';

let server: LlmServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

// A generous time-out, so a loaded machine never turns an answer into a retry; the hanging case sets its own.
function ollama(url: string, clock = recordingClock(), model = 'llama3.1', timeoutMs = 30_000) {
  const created = createLanguageModel(
    { provider: 'ollama', base_url: url, model },
    { clock, policy: { timeoutMs, maxRetries: 1, initialDelayMs: 100 } },
  );
  if (!created.ok) throw created.error;
  return created.value;
}

const ask = { messages: [{ role: 'user' as const, content: 'list pods' }] };

describe('Ollama /api/chat', () => {
  it('posts to <root>/api/chat without a key and reads the answer and its tool calls', async () => {
    server = await startLlmServer([{ body: ollamaChat('', [{ name: 'list_objects', arguments: { kind: 'Pod' } }]) }]);
    const result = await ollama(server.url).generate({
      ...ask,
      tools: [{ name: 'list_objects', description: 'List objects', inputSchema: { type: 'object', properties: {} } }],
    });
    expect(result.toolCalls).toMatchObject([{ name: 'list_objects', arguments: { kind: 'Pod' } }]);
    expect(result.usage).toEqual({ inputTokens: 12, outputTokens: 4 });
    expect(server.requests[0]?.path).toBe('/api/chat');
    expect(server.requests[0]?.body.model).toBe('llama3.1');
    expect(server.requests[0]?.headers.authorization).toBeUndefined();
  });

  it('tells the user to pull a missing model', async () => {
    server = await startLlmServer([{ status: 404, body: { error: 'model "llama9" not found, try pulling it first' } }]);
    const error = (await ollama(server.url, recordingClock(), 'llama9')
      .generate(ask)
      .catch((e: unknown) => e)) as UpstreamError;
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error.hint).toContain('ollama pull llama9');
  });

  it('waits what Retry-After asks when the server is busy', async () => {
    server = await startLlmServer([
      { status: 429, headers: { 'retry-after': '3' }, body: { error: 'server busy, please try again' } },
      { body: ollamaChat('done') },
    ]);
    const clock = recordingClock();
    expect((await ollama(server.url, clock).generate(ask)).text).toBe('done');
    expect(clock.waits).toEqual([3_000]);
  });

  it('times out a model that is still loading and retries once', async () => {
    server = await startLlmServer([{ hang: true }, { body: ollamaChat('ready') }]);
    const clock = recordingClock();
    const result = await ollama(server.url, clock, 'llama3.1', 2_000).generate(ask);
    expect(result.text).toBe('ready');
    expect(clock.waits).toEqual([100]);
    expect(server.requests).toHaveLength(2);
  });
});
