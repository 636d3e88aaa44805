import type { Candidate } from '@opspilot/core';
import { isNamespaced, type KnownKind, WORKLOAD_KINDS } from '../intent/kindWords.js';
import { type Built, question } from '../plan/planContext.js';
import type { Frame } from './frame.js';
import { type Mention, tierRank } from './mentions.js';
import type { Entity, Vocabulary } from './vocabulary.js';

/** The objects a request is about, or the question to ask, or nothing named at all. */
export type Picked = { kind: 'targets'; targets: Entity[] } | { kind: 'built'; built: Built } | { kind: 'none' };

/** Objects that usually share their workload's name: its Service, its autoscaler, its disruption budget. */
const COMPANIONS: KnownKind[] = ['Service', 'HorizontalPodAutoscaler', 'PodDisruptionBudget' as KnownKind];

/** An object as a choice of a clarifying question: `deployment/todo/backend`. */
export const entityLabel = (e: Entity) => `${e.kind.toLowerCase()}/${e.namespace ? `${e.namespace}/` : ''}${e.name}`;
export const entityCandidate = (e: Entity): Candidate => ({
  ref: { kind: e.kind, name: e.name, ...(e.namespace ? { namespace: e.namespace } : {}) },
  label: entityLabel(e),
});

/** The question for a word of the request that fits several objects. */
export function whichOneQuestion(word: string, entities: Entity[], namespace?: string): Built {
  return question(
    `"${word}" matches ${entities.length} objects${namespace ? ` in namespace ${namespace}` : ''}: ${entities.map(entityLabel).join(', ')}. Which one did you mean?`,
    entities.map(entityCandidate),
  );
}

/** Where a request looks: the namespace it names, else the one chosen with `-n`. */
export function namespaceOf(frame: Frame, chosen?: string): string | undefined {
  return frame.namespace ?? chosen;
}

/**
 * The live objects a request names for an action that applies to `kinds`: the kinds it names narrow them, the
 * namespace it names (or `-n`) too. Every mention is a target (`restart backend and frontend`); a mention naming
 * several objects asks which one — unless the request says `all`/`both`. With no mention, `all deployments` takes
 * every object of the kind in the namespace and `it`/`them` the previous request's objects.
 */
export function pickTargets(
  frame: Frame,
  vocabulary: Vocabulary,
  kinds: readonly KnownKind[],
  options: {
    namespace?: string;
    previous?: Entity[];
    allowAllKinds?: boolean;
    preferKindOrder?: boolean;
    /** A name shared by one workload and its companions (its Service, its autoscaler) means the workload. */
    preferWorkload?: boolean;
  } = {},
): Picked {
  const named = frame.kinds.filter((k) => kinds.includes(k) || options.allowAllKinds);
  const effective = named.length ? named : kinds;
  const namespace = namespaceOf(frame, options.namespace);
  const fits = (e: Entity) =>
    effective.includes(e.kind) && (!namespace || !isNamespaced(e.kind) || e.namespace === namespace);
  const kept: { mention: Mention; entities: Entity[] }[] = [];
  for (const mention of frame.mentions) {
    const entities = mention.entities.filter(fits);
    if (entities.length) kept.push({ mention, entities });
  }
  if (kept.length === 0) {
    if (frame.pronoun && options.previous?.length) {
      const previous = options.previous.filter((e) => effective.includes(e.kind));
      if (previous.length) return { kind: 'targets', targets: previous };
    }
    if (frame.all && named.length) {
      const every = vocabulary.entities.filter(fits);
      if (!namespace && named.some(isNamespaced) && !frame.allNamespaces) {
        const namespaces = [...new Set(every.map((e) => e.namespace ?? ''))].filter(Boolean);
        return {
          kind: 'built',
          built: question(
            `Every ${named[0]?.toLowerCase()} in which namespace? (${namespaces.join(', ')})`,
            namespaces.map((n) => ({ ref: { kind: 'Namespace', name: n }, label: n })),
          ),
        };
      }
      if (every.length) return { kind: 'targets', targets: every };
    }
    // `restart all pods in batch`: pods are changed through the workloads that own them, so every pod of a namespace
    // for a workload action is every workload there.
    if (
      frame.all &&
      !named.length &&
      namespace &&
      frame.kinds.includes('Pod') &&
      kinds.every((k) => WORKLOAD_KINDS.includes(k))
    ) {
      const every = vocabulary.entities.filter(fits);
      if (every.length) return { kind: 'targets', targets: every };
    }
    return { kind: 'none' };
  }
  const best = Math.max(...kept.map((k) => tierRank(k.mention.tier)));
  const floor = Math.min(best, tierRank('part'));
  const targets: Entity[] = [];
  for (const { mention, entities } of kept) {
    if (tierRank(mention.tier) < floor) continue;
    if (
      entities.length > 1 &&
      options.preferKindOrder &&
      !frame.all &&
      new Set(entities.map((e) => `${e.namespace}/${e.name}`)).size === 1
    ) {
      // One name, several kinds (a Deployment and its Service): the kind the action is most about.
      const first = effective.find((k) => entities.some((e) => e.kind === k));
      entities.splice(0, entities.length, ...entities.filter((e) => e.kind === first));
    }
    if (entities.length > 1 && options.preferWorkload && !frame.all && !named.length) {
      const workloads = entities.filter((e) => WORKLOAD_KINDS.includes(e.kind));
      const companions = entities.filter((e) => COMPANIONS.includes(e.kind));
      const one = workloads[0];
      if (
        one &&
        workloads.length === 1 &&
        workloads.length + companions.length === entities.length &&
        companions.every((c) => c.name === one.name && c.namespace === one.namespace)
      )
        entities.splice(0, entities.length, one);
    }
    if (entities.length > 1 && !frame.all) {
      return { kind: 'built', built: whichOneQuestion(mention.text, entities, namespace) };
    }
    for (const e of entities) if (!targets.includes(e)) targets.push(e);
  }
  return { kind: 'targets', targets };
}
