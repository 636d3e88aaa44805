import type { KnownKind } from '../intent/kindWords.js';
import type { ActionClass, ActionScore } from './classifyAction.js';
import type { Mention } from './mentions.js';
import type { Quantities } from './quantities.js';
import type { Token } from './tokens.js';

/**
 * What a request asks, grounded in the cluster: the action (classified), the kinds it names, the live objects it
 * names (found by their words, not their place), the namespace, the typed values, and whether it refers back to the
 * previous request (`it`, `them`) or to every object of a kind (`all deployments`).
 */
export interface Frame {
  /** The cleaned request (filler and the namespace phrase removed). */
  text: string;
  /** The request as written. */
  input?: string;
  tokens: Token[];
  action: ActionClass;
  /** The classifier's ranking, best first. */
  ranking: ActionScore[];
  /** Kinds named by a word (`deployment`, `pvc`), in order. */
  kinds: KnownKind[];
  mentions: Mention[];
  namespace?: string;
  allNamespaces: boolean;
  /** `all`, `every`, `each`, `both` before a kind or names. */
  all: boolean;
  /** `it`, `them`, `those`, `that one`: the objects of the previous request. */
  pronoun: boolean;
  quantities: Quantities;
  /** The request as the classifier saw it (`scale @ to #`). */
  normalized: string;
}
