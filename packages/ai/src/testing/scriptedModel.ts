import type { GenerateRequest, GenerateResult, LanguageModel, ToolCall } from '@opspilot/core';

/** A {@link LanguageModel} whose answers come from a function of the request; every request is recorded. */
export interface ScriptedModel extends LanguageModel {
  requests: GenerateRequest[];
}

/** An answer that calls tools. */
export function callTools(...calls: Omit<ToolCall, 'id'>[]): GenerateResult {
  return {
    text: '',
    toolCalls: calls.map((c, i) => ({ id: `call_${i}_${c.name}`, ...c })),
    usage: { inputTokens: 100, outputTokens: 20 },
    finishReason: 'tool-calls',
  };
}

/** Builds a {@link ScriptedModel}; `answer` sees the request and how many calls came before it. */
export function scriptedModel(
  answer: (request: GenerateRequest, turn: number) => GenerateResult | Promise<GenerateResult>,
  id = 'scripted:test',
): ScriptedModel {
  const requests: GenerateRequest[] = [];
  return {
    id,
    requests,
    async generate(request) {
      requests.push(structuredClone({ ...request, signal: undefined }));
      return answer(request, requests.length - 1);
    },
  };
}
