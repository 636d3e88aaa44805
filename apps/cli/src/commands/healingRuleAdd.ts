import { InputError } from '@opspilot/core';
import { RUNBOOK_ACTION, TRIGGER_TYPES, validateHealingRule } from '@opspilot/remediate';
import type { Command } from 'commander';
import { z } from 'zod';
import type { CliContext } from '../cliContext.js';
import { withStore } from '../openCliStore.js';
import { reviewActor } from './reviewActor.js';

const RuleOptions = z.object({
  name: z.string().min(1),
  class: z.string().min(1).optional(),
  trigger: z.enum(TRIGGER_TYPES).optional(),
  remediation: z.string().min(1).optional(),
  runbook: z.string().min(1).optional(),
  namespaces: z.array(z.string().min(1)).min(1),
  metrics: z.array(z.string().min(1)).default([]),
  minSeverity: z.enum(['LOW', 'MEDIUM', 'HIGH', 'CRITICAL']).optional(),
  mode: z.enum(['suggest', 'approval', 'automatic']).default('approval'),
  dryRun: z.boolean().default(false),
  cooldown: z.coerce.number().int().min(0).default(300),
  retries: z.coerce.number().int().min(0).max(10).default(3),
  maxActions: z.coerce.number().int().min(1).max(100).default(3),
  maxConcurrent: z.coerce.number().int().min(1).max(100).optional(),
  maxConcurrentPerCluster: z.coerce.number().int().min(1).max(50).optional(),
  maxReplicasPercent: z.coerce.number().int().min(1).max(100).optional(),
  settle: z.coerce.number().int().min(0).max(3600).default(60),
});

const collect = (value: string, previous: string[] = []) => [...previous, ...value.split(',')];

/** The healing rule `opspilot healing rules add` saves, from its options (refused with the reason when unsafe). */
export function ruleFromOptions(raw: unknown) {
  const o = RuleOptions.parse(raw);
  if (!o.class === !o.trigger) {
    throw new InputError('give either --class (a finding class) or --trigger (anomaly or incident)', {
      hint: 'e.g. --class pod-oom-killed, or --trigger incident --runbook scale-out',
    });
  }
  if (!o.remediation === !o.runbook) {
    throw new InputError('give either --remediation or --runbook', {
      hint: 'e.g. --remediation oom:raise-memory-limit, or --runbook raise-memory-limit',
    });
  }
  const input = {
    name: o.name,
    condition_type: (o.class ?? o.trigger)!,
    condition_config: {
      namespaces: o.namespaces,
      ...(o.metrics.length ? { metrics: o.metrics } : {}),
      ...(o.minSeverity ? { min_severity: o.minSeverity } : {}),
    },
    action_type: o.remediation ?? RUNBOOK_ACTION,
    action_config: {
      mode: o.mode,
      dry_run: o.dryRun,
      max_actions_per_window: o.maxActions,
      verify_settle_seconds: o.settle,
      ...(o.runbook ? { runbook: o.runbook } : {}),
      ...(o.maxConcurrent ? { max_concurrent: o.maxConcurrent } : {}),
      ...(o.maxConcurrentPerCluster ? { max_concurrent_per_cluster: o.maxConcurrentPerCluster } : {}),
      ...(o.maxReplicasPercent ? { max_replicas_percent: o.maxReplicasPercent } : {}),
    },
    cooldown_seconds: o.cooldown,
    max_retries: o.retries,
  };
  validateHealingRule(input);
  return input;
}

/** Registers `opspilot healing rules add`: a healing rule, validated and audited under the acting user. */
export function healingRuleAdd(rules: Command, ctx: CliContext): Command {
  return rules
    .command('add')
    .description('add a healing rule (refused with the reason when unsafe)')
    .requiredOption('--name <name>', 'the rule name')
    .option('--class <finding-class>', 'the analyzer id it reacts to, e.g. pod-oom-killed')
    .option('--trigger <kind>', 'or: react to anomalies or incidents about objects (anomaly, incident)')
    .option('--remediation <id>', 'the remediation to run, e.g. oom:raise-memory-limit')
    .option('--runbook <name>', 'or: the incident runbook to run, e.g. scale-out')
    .requiredOption('--namespaces <ns>', 'the namespaces it may act in (comma-separated, or repeated)', collect)
    .option('--metrics <names>', 'anomaly triggers: only these metrics (comma-separated)', collect)
    .option('--min-severity <level>', 'anomaly and incident triggers: LOW, MEDIUM, HIGH or CRITICAL')
    .option('--mode <mode>', 'suggest, approval or automatic', 'approval')
    .option('--dry-run', 'only plan (server-side dry run), never apply')
    .option('--cooldown <seconds>', 'quiet time per object after an action', '300')
    .option('--retries <n>', 'failed actions per object before it is left alone', '3')
    .option('--max-actions <n>', "actions per hour at most (the rule's rate limit)", '3')
    .option('--max-concurrent <n>', 'healing actions running at once in all, at most (default 5)')
    .option('--max-concurrent-per-cluster <n>', 'healing actions running at once on the cluster, at most (default 2)')
    .option('--max-replicas-percent <n>', "share of a workload's replicas a fix may touch at once (default 100)")
    .option('--settle <seconds>', 'how long a healed object must stay healthy', '60')
    .action(async (raw: unknown, command: Command) => {
      const input = ruleFromOptions(raw);
      const config = await ctx.loadConfig(command);
      await withStore(config, ctx.io.cwd, async (store) => {
        const rule = await store.healingRules.create(input);
        await store.audit.append({
          action: 'healing.rule.created',
          user_id: reviewActor(undefined, ctx.io.env),
          target: `healingrule/${rule.name}`,
          details: { rule },
        });
        ctx.print(
          command,
          rule,
          (r) => `healing rule ${r.name} added (${(r.action_config as { mode: string }).mode})\n`,
        );
      });
    });
}
