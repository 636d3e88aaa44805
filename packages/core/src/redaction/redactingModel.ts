import type { GenerateRequest, LanguageModel, ModelMessage } from '../ports/languageModel.js';
import { redact } from './redactSecrets.js';
import { redactText } from './secretShapes.js';

const WRAPPED = Symbol.for('opspilot.redactingModel');

/**
 * A request as it may leave for a model: the system prompt and every message's text through `redactText`, and the
 * arguments of earlier tool calls (which the conversation sends back) through `redact`. Tool specs are ours and kept.
 */
export function redactRequest(request: GenerateRequest): GenerateRequest {
  const message = (m: ModelMessage): ModelMessage => ({
    ...m,
    content: redactText(m.content),
    ...(m.toolCalls ? { toolCalls: m.toolCalls.map((call) => ({ ...call, arguments: redact(call.arguments) })) } : {}),
  });
  return {
    ...request,
    ...(request.system !== undefined ? { system: redactText(request.system) } : {}),
    messages: request.messages.map(message),
  };
}

/**
 * The one choke point between opspilot and a language model: `model` with every request passed through
 * {@link redactRequest} before it is sent, so no object, annotation, log line, event, request text or tool result
 * reaches a provider with a secret in it, whichever code builds the request. Wrapping twice wraps once. Every
 * provider of `@opspilot/ai-providers` is built wrapped, and the agent loop wraps whatever model it is given.
 * @example
 * const model = redactingModel({ id: 'x', generate: (request) => send(request) });
 */
export function redactingModel(model: LanguageModel): LanguageModel {
  if ((model as { [WRAPPED]?: true })[WRAPPED]) return model;
  return {
    id: model.id,
    [WRAPPED]: true,
    generate: (request) => model.generate(redactRequest(request)),
  } as LanguageModel;
}
