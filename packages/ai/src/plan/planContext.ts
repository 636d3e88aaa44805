import type { Candidate, KubeObject, ObjectRef, PlanStep } from '@opspilot/core';
import type { TargetPhrase } from '../intent/intent.js';
import { apiVersionOf, type KnownKind } from '../intent/kindWords.js';
import {
  isUnresolved,
  type ObjectLister,
  type Resolved,
  resolveTarget,
  type Unresolved,
} from '../resolve/resolveTarget.js';

/** What step builders need: the cluster (read-only), the default namespace and a place to note assumptions. */
export interface PlanContext {
  lister: ObjectLister;
  /** The namespace given with the request (`-n`), if any. */
  namespace?: string;
  namespaces: KubeObject[];
  assumptions: string[];
}

/** What a step builder produced: steps, a clarifying question, or a refusal naming what to ask instead. */
export type Built =
  | { kind: 'steps'; summary: string; steps: PlanStep[] }
  | { kind: 'question'; question: string; candidates: Candidate[] }
  | { kind: 'unsupported'; message: string; suggestions: string[] };

/** Steps with a summary. */
export const steps = (summary: string, list: PlanStep[]): Built => ({ kind: 'steps', summary, steps: list });

/** A clarifying question. */
export const question = (text: string, candidates: Candidate[] = []): Built => ({
  kind: 'question',
  question: text,
  candidates,
});

/** A request that cannot be planned as asked. */
export const unsupported = (message: string, suggestions: string[] = []): Built => ({
  kind: 'unsupported',
  message,
  suggestions,
});

/** Resolves a phrase, recording its assumptions; a failure becomes the {@link Built} question to return. */
export async function resolveIn(
  ctx: PlanContext,
  phrase: TargetPhrase,
  kinds: readonly KnownKind[],
): Promise<Resolved | Built> {
  const found: Resolved | Unresolved = await resolveTarget(ctx.lister, phrase, kinds, ctx.namespace);
  if (isUnresolved(found)) return question(found.question, found.candidates);
  ctx.assumptions.push(...found.assumptions);
  return found;
}

/** Whether {@link resolveIn} failed. */
export function failed(value: Resolved | Built): value is Built {
  return !('ref' in value);
}

/** A partial object for server-side apply: identity plus the fields to set. */
export function partialObject(ref: ObjectRef, body: Record<string, unknown>): KubeObject {
  return {
    apiVersion: ref.apiVersion ?? apiVersionOf(ref.kind),
    kind: ref.kind,
    metadata: {
      name: ref.name,
      ...(ref.namespace ? { namespace: ref.namespace } : {}),
      ...((body.metadata as object) ?? {}),
    },
    ...Object.fromEntries(Object.entries(body).filter(([k]) => k !== 'metadata')),
  };
}

/** `deployment todo/backend` for messages. */
export function describeRef(ref: ObjectRef): string {
  return `${ref.kind.toLowerCase()} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`;
}
