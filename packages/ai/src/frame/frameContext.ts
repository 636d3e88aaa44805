import type { PlanContext } from '../plan/planContext.js';
import type { Entity, Vocabulary } from './vocabulary.js';

/** What the frame planner needs besides the plan context: the vocabulary and what earlier requests named. */
export interface FrameContext extends PlanContext {
  vocabulary: Vocabulary;
  /** Objects of the previous request (or clause), for `it` and `them`. */
  previous?: Entity[];
  /** Namespaces created by earlier steps of the same plan (they do not exist yet). */
  created: { kind: string; name: string; namespace?: string }[];
  /** Set by the planner: the objects this request acted on. */
  acted?: Entity[];
}
