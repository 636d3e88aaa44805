import { err, ok, type Result } from '@opspilot/core';
import { cleanRequest } from './cleanRequest.js';
import { Intent } from './intent.js';
import { createMatcher, deleteMatcher, exposeMatcher, nodeMatcher } from './matchers/createMatchers.js';
import type { Matcher } from './matchers/matcher.js';
import { analyzeMatcher, getMatcher, listMatcher, logsMatcher } from './matchers/readMatchers.js';
import { restartMatcher, rollbackMatcher } from './matchers/rolloutMatchers.js';
import { scaleMatcher } from './matchers/scaleMatcher.js';
import {
  metadataMatcher,
  resizeVolumeMatcher,
  setEnvMatcher,
  setImageMatcher,
  setResourcesMatcher,
  switchTrafficMatcher,
} from './matchers/updateMatchers.js';
import { closestRequests } from './supportedRequests.js';

/** Most specific first: a later matcher may also accept text an earlier one claims. */
const MATCHERS: Matcher[] = [
  exposeMatcher,
  createMatcher,
  nodeMatcher,
  resizeVolumeMatcher,
  switchTrafficMatcher,
  scaleMatcher,
  rollbackMatcher,
  restartMatcher,
  setEnvMatcher,
  setResourcesMatcher,
  metadataMatcher,
  setImageMatcher,
  logsMatcher,
  analyzeMatcher,
  deleteMatcher,
  listMatcher,
  getMatcher,
];

/** Why a request could not be parsed: what was understood and the closest supported requests. */
export interface NotUnderstood {
  understood: string;
  suggestions: string[];
}

const VERBS: [RegExp, string][] = [
  [/\b(scale|replicas?)\b/i, 'change the number of replicas'],
  [/\b(restart|bounce)\b/i, 'restart something'],
  [/\b(delete|remove)\b/i, 'delete something'],
  [/\b(create|make|add|new)\b/i, 'create something'],
  [/\b(logs?)\b/i, 'read logs'],
  [/\b(list|show|get)\b/i, 'look something up'],
  [/\b(exec|shell|ssh|port-?forward|attach|cp|copy)\b/i, 'run commands inside a container or forward a port'],
];

function understoodOf(text: string): string {
  for (const [pattern, meaning] of VERBS) if (pattern.test(text)) return `you want to ${meaning}`;
  return 'nothing I can turn into a Kubernetes operation';
}

/**
 * Turns plain English into a typed {@link Intent}, with no model and no I/O: filler and the namespace are taken out
 * (`knownNamespaces` lets a bare `in todo` name one), then each family of phrasings is tried, most specific first.
 * What no family accepts comes back as {@link NotUnderstood}.
 */
export function parseIntent(text: string, knownNamespaces: readonly string[] = []): Result<Intent, NotUnderstood> {
  const clean = cleanRequest(text, knownNamespaces);
  for (const matcher of MATCHERS) {
    const raw = matcher(clean.text, clean);
    if (!raw) continue;
    const parsed = Intent.safeParse(raw);
    if (parsed.success) return ok(parsed.data);
  }
  return err({ understood: understoodOf(clean.text), suggestions: closestRequests(clean.text) });
}
