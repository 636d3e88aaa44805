import { InputError, NotFoundError } from '@opspilot/core';

/** Namespace phrases that can mean nothing else: `-n X`, `--namespace X`, `in namespace X`, `in the X namespace`. */
const EXPLICIT = [
  /(?:^|\s)(?:-n|--namespace)[=\s]+([a-z0-9][a-z0-9-]*)/i,
  /\s(?:in|from|on|of|within|inside|into)\s+(?:the\s+)?(?:namespace|ns)\s+([a-z0-9][a-z0-9-]*)/i,
  /\s(?:in|from|on|of|within|inside|into)\s+(?:the\s+)?([a-z0-9][a-z0-9-]*)\s+(?:namespace|ns)\b/i,
];
/** A bare `in X` closing the request, or before `to N` (`scale backend in X to 3`). */
const BARE = /\s(?:in|within|inside|into)\s+(?:the\s+)?([a-z0-9][a-z0-9-]*)(?:\s+to\s+\d+(?:\s+replicas?)?)?$/i;
/** Words a bare `in …` ends with that are not namespaces. */
const NOT_NAMESPACES = new Set([
  'it',
  'them',
  'there',
  'here',
  'logs',
  'log',
  'cluster',
  'parallel',
  'order',
  'background',
  'detail',
  'yaml',
  'json',
  'wide',
  'memory',
  'cpu',
  'total',
  'place',
  'future',
  'crashloop',
  'crashloopbackoff',
  'pending',
  'error',
  'errors',
  'running',
  'failed',
  'trouble',
]);
/** A negative number where a replica count goes (`to -1`, `-2 replicas`, `= -3`). */
const NEGATIVE_COUNT = /(?:\b(?:to|=|at)\s*-\s*\d+|(?:^|\s)-\d+\s+(?:replicas?|pods?|instances?|copies))/i;

/**
 * Refuses a request that names what cannot exist before anything is planned, instead of letting the planner fall
 * back to a default or answer with an unrelated suggestion: a namespace that is not in the cluster (`in staging`
 * when there is no `staging`, or `-n` / the chosen namespace) is a NotFoundError listing the namespaces there are;
 * a negative replica count in a scaling request is an InputError.
 */
export function checkRequest(request: string, namespaces: readonly string[], chosen?: string): void {
  const text = request.trim().replace(/[?.!]+$/, '');
  if (/\b(scale|replicas?|instances?|copies)\b/i.test(text) && NEGATIVE_COUNT.test(text)) {
    throw new InputError('replicas must be 0 or more', {
      hint: 'give a count of 0 or more, e.g. "scale backend to 0 replicas" or "scale backend down by 1"',
    });
  }
  const known = new Set(namespaces);
  const named = EXPLICIT.map((p) => text.match(p)?.[1]).find(Boolean) ?? text.match(BARE)?.[1];
  const missing = [chosen, named?.toLowerCase()].find(
    (n): n is string => n !== undefined && !known.has(n) && !NOT_NAMESPACES.has(n),
  );
  if (missing) {
    throw new NotFoundError(`namespace "${missing}" not found`, {
      hint: `the namespaces are ${[...known].sort().join(', ') || '(none)'}; name one of them, or create it first (kubectl create namespace ${missing})`,
    });
  }
}
