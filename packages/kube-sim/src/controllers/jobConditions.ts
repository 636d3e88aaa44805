import type { KubeObject } from '../store/kubeObject.js';

type Json = Record<string, unknown>;

/** A Job condition as the job controller writes it. */
export function jobCondition(type: string, status: boolean, reason: string, message: string, now: string): Json {
  return { type, status: status ? 'True' : 'False', lastProbeTime: now, lastTransitionTime: now, reason, message };
}

/** Replaces (or adds) the condition of the same type, keeping the transition time when the status is unchanged. */
export function setCondition(conditions: Json[], next: Json): Json[] {
  const old = conditions.find((c) => c.type === next.type);
  if (old && old.status === next.status && old.reason === next.reason) return conditions;
  const kept = old && old.status === next.status ? { ...next, lastTransitionTime: old.lastTransitionTime } : next;
  return old ? conditions.map((c) => (c.type === next.type ? kept : c)) : [...conditions, kept];
}

/** Whether a Job has the condition with status True. */
export function hasJobCondition(job: KubeObject, type: string): boolean {
  return (((job.status as Json | undefined)?.conditions as Json[] | undefined) ?? []).some(
    (c) => c.type === type && c.status === 'True',
  );
}

/** Whether a Job has finished (Complete or Failed), and when. */
export function jobFinished(job: KubeObject): { finished: boolean; succeeded: boolean; at?: string } {
  const conditions = ((job.status as Json | undefined)?.conditions as Json[] | undefined) ?? [];
  const done = conditions.find((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
  if (!done) return { finished: false, succeeded: false };
  return { finished: true, succeeded: done.type === 'Complete', at: String(done.lastTransitionTime) };
}

/** Formats completed indexes as the API does: `0-2,4`. */
export function formatIndexes(indexes: number[]): string {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(j > i ? `${sorted[i]}-${sorted[j]}` : String(sorted[i]));
    i = j + 1;
  }
  return parts.join(',');
}
