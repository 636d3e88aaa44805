import {
  type Candidate,
  type ClusterGateway,
  formatRef,
  isOpspilotError,
  type KubeObject,
  type ObjectRef,
  refOf,
} from '@opspilot/core';
import type { TargetPhrase } from '../intent/intent.js';
import { isNamespaced, type KnownKind } from '../intent/kindWords.js';
import { editDistance, nameScore } from './nameScore.js';

/** A name resolved to one live object, with what was inferred on the way. */
export interface Resolved {
  ref: ObjectRef;
  object: KubeObject;
  assumptions: string[];
}

/** A name that matched several objects or none: the question to ask, with the candidates. */
export interface Unresolved {
  question: string;
  candidates: Candidate[];
}

/** Lists objects once per kind and namespace during one request. */
export interface ObjectLister {
  list(kind: string, namespace?: string): Promise<KubeObject[]>;
}

/**
 * An {@link ObjectLister} over a gateway that lists each kind at most once. A kind the gateway refuses
 * (`NotAllowedError`, `NotFoundError`) lists as empty; other failures reject.
 */
export function cachedLister(gateway: Pick<ClusterGateway, 'list'>): ObjectLister {
  const cache = new Map<string, Promise<KubeObject[]>>();
  return {
    list(kind, namespace) {
      const key = `${kind}/${namespace ?? '*'}`;
      let found = cache.get(key);
      if (!found) {
        found = gateway.list(kind, namespace ? { namespace } : {}).catch((error: unknown) => {
          // A kind this user may not list (RBAC) or this cluster does not serve is just absent; anything else
          // (an unreachable cluster) must not pass for "no such object".
          if (isOpspilotError(error) && (error.code === 'NOT_ALLOWED' || error.code === 'NOT_FOUND')) return [];
          cache.delete(key); // a failed list is not remembered: the next call asks again
          throw error;
        });
        cache.set(key, found);
      }
      return found;
    },
  };
}

const label = (ref: ObjectRef) => formatRef(ref);
const article = (kinds: readonly string[]) => kinds.map((k) => k.toLowerCase()).join(' or ');

/**
 * Finds the one live object the user meant. The phrase's kind (or each of `kinds`) is listed — in the named
 * namespace, else in every namespace, so a name that exists in exactly one namespace infers it — and names are scored
 * by {@link nameScore}. Only the best-scoring tier counts: one object there resolves; several (two deployments match
 * `api`, or `backend` in two namespaces) ask a question listing them; none asks with the closest names. Never guesses.
 */
export async function resolveTarget(
  lister: ObjectLister,
  phrase: TargetPhrase,
  kinds: readonly KnownKind[],
  defaultNamespace?: string,
): Promise<Resolved | Unresolved> {
  const searchKinds = phrase.kind ? [phrase.kind] : kinds;
  const namespace = phrase.namespace ?? defaultNamespace;
  const objects = (
    await Promise.all(searchKinds.map((kind) => lister.list(kind, isNamespaced(kind) ? namespace : undefined)))
  ).flat();
  const scored = objects
    .map((object) => ({ object, score: nameScore(phrase.name, object.metadata.name) }))
    .filter((s) => s.score > 0);
  const best = Math.max(0, ...scored.map((s) => s.score));
  const top = scored.filter((s) => s.score === best);
  const what = phrase.kind ? phrase.kind.toLowerCase() : article(searchKinds);
  const where = namespace ? ` in namespace ${namespace}` : '';
  if (top.length === 1 && top[0]) {
    const { object } = top[0];
    const ref = refOf(object);
    const assumptions: string[] = [];
    if (best < 100) assumptions.push(`"${phrase.name}" taken to mean ${label(ref)}`);
    if (!namespace && ref.namespace) assumptions.push(`namespace ${ref.namespace}: ${ref.name} exists only there`);
    return { ref, object, assumptions };
  }
  if (top.length > 1) {
    const candidates = top.map(({ object }) => ({ ref: refOf(object), label: label(refOf(object)) }));
    return {
      question: `"${phrase.name}" matches ${top.length} objects${where}: ${candidates.map((c) => c.label).join(', ')}. Which one did you mean?`,
      candidates,
    };
  }
  const closest = objects
    .map((object) => ({ object, distance: editDistance(phrase.name, object.metadata.name) }))
    .sort((a, b) => a.distance - b.distance)
    .slice(0, 5)
    .map(({ object }) => ({ ref: refOf(object), label: label(refOf(object)) }));
  const hint = closest.length ? ` Did you mean ${closest.map((c) => c.label).join(', ')}?` : '';
  return { question: `I found no ${what} named "${phrase.name}"${where}.${hint}`, candidates: closest };
}

/** Whether a resolution failed and needs a question. */
export function isUnresolved(value: Resolved | Unresolved): value is Unresolved {
  return 'question' in value;
}
