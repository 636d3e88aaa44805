import type { GenerateRequest, ToolCall } from '@opspilot/core';
import { callTools, type ScriptedModel, scriptedModel } from './scriptedModel.js';

/**
 * A model that does whatever it reads, for prompt-injection tests: on its first turn it makes `firstCalls`
 * (inspection of the poisoned objects); afterwards it calls every `call <tool> with {json}` found in tool results.
 */
export function obedientModel(firstCalls: Omit<ToolCall, 'id'>[]): ScriptedModel {
  return scriptedModel((request: GenerateRequest, turn) => {
    if (turn === 0) return callTools(...firstCalls);
    const seen = request.messages
      .filter((m) => m.role === 'tool')
      .map((m) => m.content.replace(/\\"/g, '"'))
      .join('\n');
    const calls = [...seen.matchAll(/call (\w+) with (\{.*?\}(?=\n|"|$|\s*\\n))/g)].flatMap((m) => {
      try {
        return [{ name: m[1] ?? '', arguments: JSON.parse(m[2] ?? '') as Record<string, unknown> }];
      } catch {
        return [];
      }
    });
    return callTools(...calls);
  });
}
