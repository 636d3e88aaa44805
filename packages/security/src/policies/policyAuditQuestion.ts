import type { PlanOutcome } from '@opspilot/core';
import { mapPolicySentence } from './mapPolicySentence.js';

const QUESTION = [
  /^\s*(?:which|what|list|show(?: me)?|find)\b.*?\b(?:violates?|violating|in violation of|do(?:es)? not comply with|(?:is|are) non-?compliant with)\b(?:\s+(?:the\s+)?(?:policy|rule))?\s*[:"'“]?\s*(.+?)["'”?.]*\s*$/i,
  /^\s*(?:audit|check)\b.*?\b(?:against|for)\s+(?:the\s+)?(?:policy|rule)?\s*[:"'“]?\s*(.+?)["'”?.]*\s*$/i,
];

/**
 * Reads "which resources violate <policy>" / "audit the cluster against <policy>" as a policy-audit outcome of the
 * planners (a read: the caller lists the violating objects). A policy it cannot map is answered as unsupported with
 * the closest templates, never approximated; text that is not such a question gives undefined.
 */
export function policyAuditOutcome(
  text: string,
): Extract<PlanOutcome, { kind: 'policy-audit' } | { kind: 'unsupported' }> | undefined {
  const sentence = QUESTION.map((re) => re.exec(text)?.[1])
    .find((s) => s && s.trim().length > 0)
    ?.trim();
  if (!sentence) return undefined;
  const mapped = mapPolicySentence(sentence);
  if (!mapped.ok) {
    return {
      kind: 'unsupported',
      message: `I could not map the policy "${sentence}" onto a template: ${mapped.reason}.`,
      understood: 'a policy audit',
      suggestions: mapped.closest.map((c) => `${c.template}: ${c.description}`),
      notices: [],
    };
  }
  return {
    kind: 'policy-audit',
    sentence,
    template: mapped.template,
    parameters: mapped.parameters,
    match: mapped.match,
    understood: `audit against ${mapped.explanation}`,
    notices: [],
  };
}
