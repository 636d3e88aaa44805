import { parseIntent, TargetPhrase } from '@opspilot/ai';
import type { ObjectRef } from '@opspilot/core';

/** The request as the planner is asked it after the user picked candidates, and the namespace the picks share. */
export interface ChosenRequest {
  request: string;
  namespace?: string;
}

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The words the planner read as `phrase.name` (its words joined with `-`), e.g. `api` or `backend api`. */
function phraseSpan(phrase: TargetPhrase): RegExp {
  // Names are [a-z0-9.-] only, and escaped: a literal pattern, linear in the request.
  const words = phrase.name.split('-').filter(Boolean).map(literal).join('[\\s-]+');
  return new RegExp(`(?<![\\w.-])${words}(?![\\w.-])`, 'i');
}

/**
 * Answers the planner's "Which one did you mean?" on the server: the ORIGINAL request, with the name the planner could
 * not resolve (the request's target phrases, in order, one per choice) replaced by the exact name of the object picked,
 * and the picks' namespace when they share one. A phrase that cannot be found is left as written (the planner still
 * sees only the picked objects, see `narrowToChoices`).
 * @example
 * requestWithChoices('scale api to 2', [{ kind: 'Deployment', name: 'backend-api', namespace: 'shop' }]);
 * // { request: 'scale backend-api to 2', namespace: 'shop' }
 */
export function requestWithChoices(request: string, choices: readonly ObjectRef[]): ChosenRequest {
  if (choices.length === 0) return { request };
  const namespaces = new Set(choices.map((c) => c.namespace));
  const namespace = namespaces.size === 1 ? choices[0]!.namespace : undefined;
  const intent = parseIntent(request, namespace ? [namespace] : []);
  const phrases = intent.ok
    ? Object.values(intent.value).flatMap((value) => {
        const phrase = TargetPhrase.safeParse(value);
        return phrase.success && typeof value === 'object' ? [phrase.data] : [];
      })
    : [];
  let text = request;
  choices.forEach((choice, i) => {
    const phrase = phrases[i];
    if (phrase) text = text.replace(phraseSpan(phrase), choice.name);
  });
  return { request: text, ...(namespace ? { namespace } : {}) };
}
