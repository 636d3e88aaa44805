import type { Finding } from '@opspilot/core';
import { BUILTIN_REMEDIATIONS } from './builtinRemediations.js';
import type { Remediation, RemediationCandidate, RemediationContext } from './remediation.js';

/** What the catalogue answers for one finding: ranked candidates, and why each remediation that had none had none. */
export interface FixProposal {
  finding: Finding;
  candidates: RemediationCandidate[];
  /** `remediation id: reason` for every remediation of the class that proposed nothing. */
  declined: string[];
  /** What the ranking learned per remediation (success rate and runs), for the candidates' remediations. */
  learned: SuccessRates;
}

/** A learned success rate per remediation id (0 to 1, with how many runs it rests on). */
export type SuccessRates = Record<string, { rate: number; runs: number }>;

/**
 * Asks every remediation of the finding's class for candidates, and ranks them: the remediation's own confidence,
 * weighed with the success rate learned from past runs once there are a few (a remediation that keeps failing
 * sinks). The order is stable for equal scores (catalogue order). `only` keeps to one remediation, or to several.
 */
export async function proposeFixes(
  finding: Finding,
  ctx: RemediationContext,
  options: { catalogue?: readonly Remediation[]; rates?: SuccessRates; only?: string | readonly string[] } = {},
): Promise<FixProposal> {
  const only = typeof options.only === 'string' ? [options.only] : options.only;
  const catalogue = (options.catalogue ?? BUILTIN_REMEDIATIONS).filter(
    (r) => r.findingClasses.includes(finding.analyzer) && (!only || only.includes(r.id)),
  );
  const candidates: RemediationCandidate[] = [];
  const declined: string[] = [];
  for (const remediation of catalogue) {
    const answer = await remediation.propose(finding, ctx);
    if ('none' in answer) declined.push(`${remediation.id}: ${answer.none}`);
    else candidates.push(...answer.candidates);
  }
  if (catalogue.length === 0) declined.push(`no remediation in the catalogue fixes ${finding.analyzer} findings`);
  const score = (c: RemediationCandidate) => {
    const learned = options.rates?.[c.remediation];
    if (!learned || learned.runs < 3) return c.confidence;
    return (c.confidence + learned.rate) / 2;
  };
  const ranked = candidates.map((c, i) => ({ c, i, s: score(c) })).sort((a, b) => b.s - a.s || a.i - b.i);
  const learned = Object.fromEntries(
    [...new Set(candidates.map((c) => c.remediation))].flatMap((id) =>
      options.rates?.[id] ? [[id, options.rates[id]!]] : [],
    ),
  );
  return { finding, candidates: ranked.map((r) => r.c), declined, learned };
}
