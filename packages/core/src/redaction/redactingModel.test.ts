import { describe, expect, it } from 'vitest';
import type { GenerateRequest, GenerateResult } from '../ports/languageModel.js';
import { redactingModel } from './redactingModel.js';

const answer: GenerateResult = {
  text: '',
  toolCalls: [],
  usage: { inputTokens: 1, outputTokens: 1 },
  finishReason: 'stop',
};

describe('redactingModel', () => {
  it('redacts the system prompt, every message and the tool-call arguments sent back, once', async () => {
    const sent: GenerateRequest[] = [];
    const inner = {
      id: 'fake',
      generate: async (request: GenerateRequest) => {
        sent.push(request);
        return answer;
      },
    };
    const model = redactingModel(redactingModel(inner));
    expect(model.id).toBe('fake');
    await model.generate({
      system: 'system pw=hunter1',
      messages: [
        { role: 'user', content: 'create a secret db with password hunter2 in todo' },
        {
          role: 'assistant',
          content: '',
          toolCalls: [
            {
              id: 'c1',
              name: 'propose_plan',
              arguments: { steps: [{ object: { kind: 'Secret', stringData: { password: 'hunter3' } } }] },
            },
          ],
        },
        { role: 'tool', toolCallId: 'c1', content: 'log: token: hunter4 replicas: 3' },
      ],
      tools: [
        { name: 'propose_plan', description: 'd', inputSchema: { properties: { password: { type: 'string' } } } },
      ],
    });
    expect(sent).toHaveLength(1);
    const body = JSON.stringify(sent[0]);
    for (const leaked of ['hunter1', 'hunter2', 'hunter3', 'hunter4']) expect(body).not.toContain(leaked);
    expect(body).toContain('replicas: 3');
    expect(sent[0]?.tools?.[0]?.inputSchema).toEqual({ properties: { password: { type: 'string' } } });
  });
});
