import { z } from 'zod';

/** How a healing rule acts: `suggest` records the plan, `approval` waits for a person, `automatic` applies it. */
export const HealingMode = z.enum(['suggest', 'approval', 'automatic']);
export type HealingMode = z.infer<typeof HealingMode>;

/** Severities of anomalies and incidents, least first (anomalies have no CRITICAL). */
export const TriggerSeverity = z.enum(['LOW', 'MEDIUM', 'HIGH', 'CRITICAL']);
export type TriggerSeverity = z.infer<typeof TriggerSeverity>;

/**
 * Where a rule applies (`condition_config` of a seed-004 healing rule): the namespaces it may act in — listed, never
 * "all" — the labels a finding's object must carry, and the alerts that must fire about it.
 */
export const HealingScope = z
  .object({
    namespaces: z.array(z.string().min(1)).min(1, 'list the namespaces the rule may act in'),
    /**
     * Finding classes (analyzer ids) that trigger the rule besides its `condition_type`, e.g. `pod-liveness-probe`
     * next to `pod-readiness-probe`: each must be fixed by one of the rule's remediations.
     */
    classes: z.array(z.string().min(1).max(100)).max(20).default([]),
    labels: z.record(z.string(), z.string()).default({}),
    /** Act only while one of these alerts fires about the finding's object (e.g. `KubePodCrashLooping`). */
    alerts: z.array(z.string().min(1)).max(20).default([]),
    /** For `anomaly` rules: the metrics whose anomalies trigger it (empty: any metric). */
    metrics: z.array(z.string().min(1)).max(20).default([]),
    /** For `anomaly` and `incident` rules: the least severity that triggers it. */
    min_severity: TriggerSeverity.default('LOW'),
    /** For `anomaly` rules: how long after its detection an anomaly still triggers (seconds). */
    within_seconds: z.number().int().min(60).max(86_400).default(900),
  })
  .strict();
export type HealingScope = z.infer<typeof HealingScope>;

const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (UTC)');

/** A time of the week a rule may act in (UTC): the days, and from `start` to `end` (past midnight when end < start). */
export const MaintenanceWindow = z
  .object({
    days: z
      .array(z.enum(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']))
      .min(1)
      .default(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']),
    start: Time,
    end: Time,
  })
  .strict();
export type MaintenanceWindow = z.infer<typeof MaintenanceWindow>;

/**
 * How far a rule may go (`action_config` of a seed-004 healing rule): its mode, a dry run only, the blast radius of
 * one action (objects changed, pods restarted, the share of a workload's replicas touched at once, namespaces the
 * rule spans), how many actions may run at once (in all, and per cluster), how many actions a window allows, how
 * many failures in a row trip its circuit breaker, and how recovery is verified.
 */
export const HealingLimits = z
  .object({
    mode: HealingMode.default('approval'),
    dry_run: z.boolean().default(false),
    max_objects: z.number().int().min(1).max(20).default(1),
    max_pods: z.number().int().min(1).max(500).default(10),
    max_namespaces: z.number().int().min(1).max(20).default(3),
    /** The most of a workload's replicas one action may take down or replace at once (its rollout strategy). */
    max_replicas_percent: z.number().int().min(1).max(100).default(100),
    /** The most healing actions running at once, every rule and cluster together, before this rule acts. */
    max_concurrent: z.number().int().min(1).max(100).default(5),
    /** The most healing actions running at once on the rule's cluster before this rule acts. */
    max_concurrent_per_cluster: z.number().int().min(1).max(50).default(2),
    max_actions_per_window: z.number().int().min(1).max(100).default(3),
    window_seconds: z.number().int().min(60).max(86_400).default(3600),
    breaker_failures: z.number().int().min(1).max(20).default(3),
    verify_settle_seconds: z.number().int().min(0).max(3600).default(60),
    verify_timeout_seconds: z.number().int().min(10).max(3600).default(180),
    /**
     * Remediations of the catalogue the rule may choose from besides its `action_type` (the best-ranked candidate of
     * them all is applied), e.g. every scheduling fix for `pod-unschedulable`.
     */
    remediations: z.array(z.string().min(1).max(100)).max(20).default([]),
    /** For a rule whose action is `runbook`: the incident runbook it runs (name or id). */
    runbook: z.string().min(1).max(255).optional(),
    /**
     * The runbook's input; `{{ namespace }}`, `{{ name }}` (also `{{ workload }}`) and `{{ kind }}` name the object
     * the trigger is about. Empty: `{ namespace, workload, kind }` of it.
     */
    runbook_input: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
    /** When set, the rule acts only inside one of these windows (UTC); empty means at any time. */
    maintenance_windows: z.array(MaintenanceWindow).max(20).default([]),
  })
  .strict();
export type HealingLimits = z.infer<typeof HealingLimits>;
