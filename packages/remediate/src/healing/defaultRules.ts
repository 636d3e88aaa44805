import { InputError, type NewHealingRule } from '@opspilot/core';
import { BUILTIN_REMEDIATIONS } from '../builtinRemediations.js';
import type { HealingMode } from './healingPolicy.js';
import { validateHealingRule } from './validateHealingRule.js';

/**
 * One shipped healing rule: the finding classes it acts on, the remediations it may choose from and its policy. The
 * mode is `automatic` only where every remediation is non-destructive; RBAC fixes always wait for a person.
 */
export interface DefaultHealingRule {
  name: string;
  description: string;
  condition_type: string;
  /** More finding classes besides `condition_type` (`condition_config.classes`). */
  classes: string[];
  action_type: string;
  /** More remediations to choose from (`action_config.remediations`). */
  remediations: string[];
  mode: HealingMode;
  /** The most objects one action may change (its blast radius); pods restarted stay at most 10. */
  max_objects: number;
  cooldown_seconds: number;
  max_retries: number;
}

const rule = (
  name: string,
  description: string,
  classes: [string, ...string[]],
  remediations: [string, ...string[]],
  mode: HealingMode = 'automatic',
  max_objects = 1,
): DefaultHealingRule => ({
  name,
  description,
  condition_type: classes[0],
  classes: classes.slice(1),
  action_type: remediations[0],
  remediations: remediations.slice(1),
  mode,
  max_objects,
  cooldown_seconds: 600,
  max_retries: 1,
});

/**
 * The healing rules opspilot ships, one per failure class of the catalogue. Installed disabled (see
 * {@link defaultRulesFor}): turning one on in named namespaces is the policy decision that lets it act.
 */
export const DEFAULT_HEALING_RULES: readonly DefaultHealingRule[] = [
  rule(
    'bad-image-tag',
    'an image that cannot be pulled: back to the image the last working revision ran',
    ['pod-image-pull'],
    ['image-pull:previous-image'],
  ),
  rule(
    'crash-loop-after-rollout',
    'a rollout whose pods crash-loop or never become available: roll back to the last working revision',
    ['pod-crash-loop', 'deployment-rollout-stuck'],
    ['deployment:restore-last-working-revision'],
  ),
  rule(
    'missing-config-key',
    'a container that cannot start for a missing ConfigMap/Secret (key): restore the last working revision',
    ['pod-container-config'],
    ['deployment:restore-last-working-revision'],
  ),
  rule(
    'oom-killed',
    'an OOM-killed container: raise its memory limit from the observed peak plus headroom',
    ['pod-oom-killed'],
    ['oom:raise-memory-limit'],
  ),
  rule(
    'probe-wrong-target',
    'a readiness or liveness probe on a path or port that does not answer: point it at one that does',
    ['pod-readiness-probe', 'pod-liveness-probe'],
    ['probe:fix-target'],
  ),
  rule(
    'pending-unschedulable',
    'pods Pending on a nodeSelector, node affinity, pod (anti-)affinity or taint nothing satisfies: the smallest change that schedules them',
    ['pod-unschedulable'],
    [
      'scheduling:fix-node-selector',
      'scheduling:fix-node-affinity',
      'scheduling:fix-pod-affinity',
      'scheduling:tolerate-taint',
    ],
  ),
  rule(
    'missing-storage-class',
    'a claim Pending on a StorageClass that does not exist: create it like the default class',
    ['pvc-storage-class-missing', 'pvc-pending'],
    ['storage:create-missing-class'],
  ),
  rule(
    'service-selector-typo',
    'a Service whose selector matches no pod: correct it to the labels the intended pods carry',
    ['service-selector-no-match', 'service-no-endpoints'],
    ['service:fix-selector'],
  ),
  rule(
    'rbac-denied',
    'a container the API server denies: the narrowest Role (or ClusterRole) rule that grants the request, approved by a person',
    ['pod-crash-loop'],
    ['rbac:grant-denied-rule', 'rbac:grant-cluster-rule'],
    'approval',
    2,
  ),
];

/**
 * The shipped rules as rules to save, scoped to `namespaces` (and a cluster): disabled unless `enabled`, each
 * validated like any rule (so a system namespace or too many namespaces is refused). `only` picks some by name;
 * `prefix` names them `<prefix>-<name>` (to install them again for other namespaces).
 */
export function defaultRulesFor(options: {
  namespaces: string[];
  cluster_id?: string;
  enabled?: boolean;
  only?: string[];
  prefix?: string;
}): NewHealingRule[] {
  const unknown = (options.only ?? []).filter((n) => !DEFAULT_HEALING_RULES.some((d) => d.name === n));
  if (unknown.length > 0) {
    throw new InputError(`no default healing rule ${unknown.join(', ')}`, {
      hint: `use ones of: ${DEFAULT_HEALING_RULES.map((d) => d.name).join(', ')}`,
    });
  }
  return DEFAULT_HEALING_RULES.filter((d) => !options.only?.length || options.only.includes(d.name)).map((d) => {
    const rule: NewHealingRule = {
      ...(options.cluster_id ? { cluster_id: options.cluster_id } : {}),
      name: options.prefix ? `${options.prefix}-${d.name}` : d.name,
      description: d.description,
      condition_type: d.condition_type,
      condition_config: { namespaces: options.namespaces, ...(d.classes.length ? { classes: d.classes } : {}) },
      action_type: d.action_type,
      action_config: {
        mode: d.mode,
        max_objects: d.max_objects,
        ...(d.remediations.length ? { remediations: d.remediations } : {}),
      },
      enabled: options.enabled ?? false,
      cooldown_seconds: d.cooldown_seconds,
      max_retries: d.max_retries,
    };
    validateHealingRule(rule, BUILTIN_REMEDIATIONS);
    return rule;
  });
}
