/** One scaling policy of an HPA's behavior. */
export interface ScalingPolicy {
  type: 'Pods' | 'Percent';
  value: number;
  periodSeconds: number;
}

/** The rules of one direction of an HPA's behavior. */
export interface ScalingRules {
  stabilizationWindowSeconds?: number;
  selectPolicy?: 'Max' | 'Min' | 'Disabled';
  policies?: ScalingPolicy[];
}

/** A replica count the HPA recommended, or a change it made, at a time (ms). */
export interface TimedValue {
  at: number;
  value: number;
}

/** What the HPA remembers between syncs, as the real controller keeps in memory. */
export interface HpaMemory {
  lastSync?: number;
  /** Whether the current replica count was taken as the first recommendation (as the real controller does). */
  seeded?: boolean;
  recommendations: TimedValue[];
  scaleUps: TimedValue[];
  scaleDowns: TimedValue[];
}

/** The v2 defaults: up by max(4 pods, 100 %) per 15 s at once; down by 100 % per 15 s after 300 s of stability. */
export const DEFAULT_SCALE_UP: Required<ScalingRules> = {
  stabilizationWindowSeconds: 0,
  selectPolicy: 'Max',
  policies: [
    { type: 'Pods', value: 4, periodSeconds: 15 },
    { type: 'Percent', value: 100, periodSeconds: 15 },
  ],
};
/** @see DEFAULT_SCALE_UP */
export const DEFAULT_SCALE_DOWN: Required<ScalingRules> = {
  stabilizationWindowSeconds: 300,
  selectPolicy: 'Max',
  policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
};

/** The outcome of normalising a recommendation: the replicas to set, and why (for the conditions). */
export interface Normalized {
  replicas: number;
  ableReason: string;
  ableMessage: string;
  limitedReason: string;
  limitedMessage: string;
}

const changedWithin = (events: TimedValue[], periodSeconds: number, now: number) =>
  events.filter((e) => e.at > now - periodSeconds * 1000).reduce((n, e) => n + e.value, 0);

function limit(current: number, memory: HpaMemory, rules: Required<ScalingRules>, up: boolean, now: number): number {
  if (rules.selectPolicy === 'Disabled') return current;
  const pick = (a: number, b: number) => ((rules.selectPolicy === 'Max') === up ? Math.max(a, b) : Math.min(a, b));
  let result = (rules.selectPolicy === 'Max') === up ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  for (const policy of rules.policies) {
    const start =
      current -
      changedWithin(memory.scaleUps, policy.periodSeconds, now) +
      changedWithin(memory.scaleDowns, policy.periodSeconds, now);
    const proposed = up
      ? policy.type === 'Pods'
        ? start + policy.value
        : Math.ceil(start * (1 + policy.value / 100))
      : policy.type === 'Pods'
        ? start - policy.value
        : Math.floor(start * (1 - policy.value / 100));
    result = pick(result, proposed);
  }
  return result;
}

/**
 * Applies an HPA's behavior to a recommendation as the real controller does: stabilization windows over the recent
 * recommendations (the highest of the last 300 s for a scale-down by default), then the rate policies and the
 * min/max bounds, with the reasons its AbleToScale and ScalingLimited conditions report.
 * @see https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/#configurable-scaling-behavior
 */
export function normalize(
  current: number,
  desired: number,
  bounds: { min: number; max: number },
  behavior: { scaleUp?: ScalingRules; scaleDown?: ScalingRules } | undefined,
  memory: HpaMemory,
  now: number,
): Normalized {
  const upRules = { ...DEFAULT_SCALE_UP, ...behavior?.scaleUp } as Required<ScalingRules>;
  const downRules = { ...DEFAULT_SCALE_DOWN, ...behavior?.scaleDown } as Required<ScalingRules>;
  const longest = Math.max(upRules.stabilizationWindowSeconds, downRules.stabilizationWindowSeconds);
  if (!memory.seeded) {
    memory.recommendations.push({ at: now, value: current });
    memory.seeded = true;
  }
  memory.recommendations = memory.recommendations.filter((r) => r.at > now - longest * 1000);
  let upRecommendation = desired;
  let downRecommendation = desired;
  for (const r of memory.recommendations) {
    if (r.at > now - upRules.stabilizationWindowSeconds * 1000) upRecommendation = Math.min(upRecommendation, r.value);
    if (r.at > now - downRules.stabilizationWindowSeconds * 1000)
      downRecommendation = Math.max(downRecommendation, r.value);
  }
  memory.recommendations.push({ at: now, value: desired });
  let stabilized = current;
  if (stabilized < upRecommendation) stabilized = upRecommendation;
  if (stabilized > downRecommendation) stabilized = downRecommendation;
  const result: Normalized = {
    replicas: stabilized,
    ableReason: 'ReadyForNewScale',
    ableMessage: 'recommended size matches current size',
    limitedReason: 'DesiredWithinRange',
    limitedMessage: 'the desired count is within the acceptable range',
  };
  if (stabilized !== desired) {
    const down = stabilized > desired;
    result.ableReason = down ? 'ScaleDownStabilized' : 'ScaleUpStabilized';
    result.ableMessage = down
      ? 'recent recommendations were higher than current one, applying the highest recent recommendation'
      : 'recent recommendations were lower than current one, applying the lowest recent recommendation';
  }
  if (stabilized > current) {
    const rate = Math.max(current, limit(current, memory, upRules, true, now));
    const allowed = Math.min(bounds.max, rate);
    if (stabilized > allowed) {
      result.replicas = allowed;
      [result.limitedReason, result.limitedMessage] =
        allowed === rate && rate < bounds.max
          ? ['ScaleUpLimit', 'the desired replica count is increasing faster than the maximum scale rate']
          : ['TooManyReplicas', 'the desired replica count is more than the maximum replica count'];
    }
  } else if (stabilized < current) {
    const rate = Math.min(current, limit(current, memory, downRules, false, now));
    const allowed = Math.max(bounds.min, rate);
    if (stabilized < allowed) {
      result.replicas = allowed;
      [result.limitedReason, result.limitedMessage] =
        allowed === rate && rate > bounds.min
          ? ['ScaleDownLimit', 'the desired replica count is decreasing faster than the maximum scale rate']
          : ['TooFewReplicas', 'the desired replica count is less than the minimum replica count'];
    }
  }
  return result;
}

/** Remembers a rescale for the rate policies, forgetting changes older than the longest policy period. */
export function recordScale(memory: HpaMemory, from: number, to: number, now: number): void {
  const keep = (events: TimedValue[]) => events.filter((e) => e.at > now - 30 * 60_000);
  if (to > from) memory.scaleUps = [...keep(memory.scaleUps), { at: now, value: to - from }];
  if (to < from) memory.scaleDowns = [...keep(memory.scaleDowns), { at: now, value: from - to }];
}
