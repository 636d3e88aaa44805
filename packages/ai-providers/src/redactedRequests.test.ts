import type { GenerateRequest } from '@opspilot/core';
import { afterEach, describe, expect, it } from 'vitest';
import { type LlmServer, recordingClock, startLlmServer } from './__fixtures__/llmServer.js';
import { anthropicMessage, ollamaChat, openAiCompletion } from './__fixtures__/wireFormats.js';
import { createLanguageModel } from './createLanguageModel.js';
import type { LlmProviderId } from './llmSettings.js';

let server: LlmServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

// Whatever code builds a request, a provider made here sends no secret of the catalogue: the model is the choke point.
const PLANTED = ['hunter1', 'hunter2', 'hunter3', 'hunter4', 'sk_live_4EcPvXACRg75JJmf', 'tok-in-args'];
const request: GenerateRequest = {
  system: 'you are a helper; db pw=hunter1',
  messages: [
    { role: 'user', content: 'create a secret db-creds with password hunter2 in todo, replicas: 3' },
    {
      role: 'assistant',
      content: '',
      toolCalls: [
        { id: 'c1', name: 'get_object', arguments: { kind: 'Secret', name: 'db-creds', token: 'tok-in-args' } },
      ],
    },
    {
      role: 'tool',
      toolCallId: 'c1',
      content: '{"kind":"Secret","stringData":{"password":"hunter3"}} log: token: hunter4 key sk_live_4EcPvXACRg75JJmf',
    },
  ],
};

const REPLIES: Record<Exclude<LlmProviderId, 'openai'>, unknown> = {
  'openai-compatible': openAiCompletion({ content: 'ok' }),
  anthropic: anthropicMessage([{ type: 'text', text: 'ok' }]),
  ollama: ollamaChat('ok'),
};

describe('every provider redacts what it sends', () => {
  it.each(Object.keys(REPLIES) as (keyof typeof REPLIES)[])('%s', async (provider) => {
    server = await startLlmServer([{ body: REPLIES[provider] }]);
    const model = createLanguageModel(
      {
        provider,
        base_url: provider === 'ollama' ? `${server.url}/api` : `${server.url}/v1`,
        model: 'm',
        api_key: 'k',
      },
      { clock: recordingClock() },
    );
    if (!model.ok) throw model.error;
    await model.value.generate(request);
    expect(server.requests).toHaveLength(1);
    const body = JSON.stringify(server.requests[0]?.body);
    for (const planted of PLANTED) expect(body).not.toContain(planted);
    expect(body).toContain('db-creds');
    expect(body).toContain('replicas: 3');
  });
});
