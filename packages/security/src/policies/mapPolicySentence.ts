import { POLICY_TEMPLATES, policyTemplate } from './policyLibrary.js';
import type { PolicyMatch } from './securityPolicy.js';
import { RECOGNIZERS } from './sentenceRecognizers.js';
import { sentenceScope } from './sentenceScope.js';

/** A template offered when a sentence cannot be mapped, with how many of its words the sentence used. */
export interface ClosestTemplate {
  template: string;
  title: string;
  description: string;
  score: number;
}

/** The result of {@link mapPolicySentence}. */
export type SentenceMapping =
  | {
      ok: true;
      template: string;
      title: string;
      parameters: Record<string, unknown>;
      match: PolicyMatch;
      /** "k8sallowedrepos (Allowed repositories) with repos=[ghcr.io/acme] on Deployment" — what was chosen, shown to the user. */
      explanation: string;
    }
  | { ok: false; reason: string; closest: ClosestTemplate[] };

/** The templates sharing the most words with a sentence (at most 3, best first). */
export function closestTemplates(text: string, limit = 3): ClosestTemplate[] {
  const t = text.toLowerCase();
  return POLICY_TEMPLATES.map((tpl) => ({
    template: tpl.id,
    title: tpl.title,
    description: tpl.description,
    score: tpl.keywords.filter((k) => t.includes(k)).length,
  }))
    .filter((c) => c.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}

/**
 * Maps a plain-English policy ("all deployments must have an owner label", "images must come from ghcr.io/acme",
 * "no Service may be of type LoadBalancer") onto a library template with parameters, deterministically. A sentence
 * it cannot map — or that names no value a template needs — is answered with the closest templates, never guessed.
 */
export function mapPolicySentence(sentence: string): SentenceMapping {
  const scope = sentenceScope(sentence);
  for (const r of RECOGNIZERS) {
    if (!r.test.test(scope.text)) continue;
    const template = policyTemplate(r.template);
    if (!template) continue;
    const raw = r.params(scope.text);
    const parsed = raw === undefined ? undefined : template.parameters.safeParse(raw);
    if (!parsed?.success) {
      return {
        ok: false,
        reason: `this reads like "${template.title}" (${template.id}), but ${r.missing ?? 'its parameters could not be read'}`,
        closest: [
          { template: template.id, title: template.title, description: template.description, score: 1 },
          ...closestTemplates(scope.text).filter((c) => c.template !== template.id),
        ].slice(0, 3),
      };
    }
    const kinds = scope.kinds?.filter((k) => template.kinds.includes(k));
    const match: PolicyMatch = {
      ...(kinds && kinds.length > 0 ? { kinds } : {}),
      ...(scope.namespaces ? { namespaces: scope.namespaces } : {}),
    };
    const parameters = parsed.data as Record<string, unknown>;
    const shown = Object.entries(parameters)
      .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
      .join(' ');
    return {
      ok: true,
      template: template.id,
      title: template.title,
      parameters,
      match,
      explanation: `${template.id} (${template.title})${shown ? ` with ${shown}` : ''} on ${(match.kinds ?? template.kinds).join(', ')}${
        match.namespaces ? ` in ${match.namespaces.join(', ')}` : ''
      }`,
    };
  }
  return {
    ok: false,
    reason: 'no policy template matches this sentence',
    closest: closestTemplates(scope.text),
  };
}
