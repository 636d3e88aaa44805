import { type HealingAction, type HealingRule, NotFoundError, systemClock } from '@opspilot/core';
import { allActions, createHealingEngine, healingStats, validateHealingRule } from '@opspilot/remediate';
import type { Store } from '@opspilot/store';
import type { Command } from 'commander';
import { z } from 'zod';
import type { CliContext } from '../cliContext.js';
import { openGateway } from '../clusterAccess.js';
import { withStore } from '../openCliStore.js';
import { renderColumns } from '../renderOutput.js';
import { registeredClusterId } from './askApply.js';
import { cliRemediator } from './cliRemediator.js';
import { reviewActor } from './reviewActor.js';

const RuleOptions = z.object({
  name: z.string().min(1),
  class: z.string().min(1),
  remediation: z.string().min(1),
  namespaces: z.array(z.string().min(1)).min(1),
  mode: z.enum(['suggest', 'approval', 'automatic']).default('approval'),
  dryRun: z.boolean().default(false),
  cooldown: z.coerce.number().int().min(0).default(300),
  retries: z.coerce.number().int().min(0).max(10).default(3),
  maxActions: z.coerce.number().int().min(1).max(100).default(3),
  settle: z.coerce.number().int().min(0).max(3600).default(60),
});

const collect = (value: string, previous: string[] = []) => [...previous, ...value.split(',')];

async function ruleNamed(store: Store, name: string): Promise<HealingRule> {
  const found = (await store.healingRules.list({ name }, { page_size: 1 })).items[0];
  if (!found) throw new NotFoundError(`no healing rule ${name}`, { hint: 'run `opspilot healing rules` to list them' });
  return found;
}

const ruleRow = (r: HealingRule) => {
  const limits = r.action_config as { mode?: string; dry_run?: boolean };
  const scope = r.condition_config as { namespaces?: string[] };
  return [
    r.name,
    r.condition_type,
    r.action_type,
    (scope.namespaces ?? []).join(','),
    `${limits.mode ?? 'approval'}${limits.dry_run ? ' (dry run)' : ''}`,
    r.enabled ? 'yes' : 'no',
    `${r.cooldown_seconds}s`,
  ];
};

const actionRow = (a: HealingAction, names: Map<string, string>) => [
  a.started_at ?? a.created_at,
  names.get(a.rule_id) ?? a.rule_id,
  a.target,
  a.status,
  String(a.result.outcome ?? a.result.reason ?? ''),
  typeof a.result.time_to_recover_ms === 'number' ? `${Math.round(a.result.time_to_recover_ms / 1000)}s` : '-',
];

/**
 * Registers `opspilot healing rules|rules add|enable|disable|history|stats|run`: self-healing rules (validated when
 * saved: listed namespaces, never a system one, automatic only for non-destructive remediations), the actions they
 * took with outcome and time to recover, what was learned per rule and remediation, and one healing pass now against
 * the configured cluster. Tables, or `-o json|yaml`.
 */
export function healingCommand(parent: Command, ctx: CliContext): Command {
  const group = parent.command('healing').description('self-healing rules, their actions, and what they learned');
  const rules = group
    .command('rules')
    .description('list healing rules')
    .action(async (_raw: unknown, command: Command) => {
      const config = await ctx.loadConfig(command);
      await withStore(config, ctx.io.cwd, async (store) => {
        const { items } = await store.healingRules.list({}, { page_size: 100 });
        ctx.print(command, items, (list) =>
          renderColumns([
            ['NAME', 'FINDING', 'REMEDIATION', 'NAMESPACES', 'MODE', 'ENABLED', 'COOLDOWN'],
            ...list.map(ruleRow),
          ]),
        );
      });
    });
  rules
    .command('add')
    .description('add a healing rule (refused with the reason when unsafe)')
    .requiredOption('--name <name>', 'the rule name')
    .requiredOption('--class <finding-class>', 'the analyzer id it reacts to, e.g. pod-oom-killed')
    .requiredOption('--remediation <id>', 'the remediation to run, e.g. oom:raise-memory-limit')
    .requiredOption('--namespaces <ns>', 'the namespaces it may act in (comma-separated, or repeated)', collect)
    .option('--mode <mode>', 'suggest, approval or automatic', 'approval')
    .option('--dry-run', 'only plan (server-side dry run), never apply')
    .option('--cooldown <seconds>', 'quiet time per object after an action', '300')
    .option('--retries <n>', 'failed actions per object before it is left alone', '3')
    .option('--max-actions <n>', 'actions per hour at most', '3')
    .option('--settle <seconds>', 'how long a healed object must stay healthy', '60')
    .action(async (raw: unknown, command: Command) => {
      const o = RuleOptions.parse(raw);
      const input = {
        name: o.name,
        condition_type: o.class,
        condition_config: { namespaces: o.namespaces },
        action_type: o.remediation,
        action_config: {
          mode: o.mode,
          dry_run: o.dryRun,
          max_actions_per_window: o.maxActions,
          verify_settle_seconds: o.settle,
        },
        cooldown_seconds: o.cooldown,
        max_retries: o.retries,
      };
      validateHealingRule(input);
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
  for (const [verb, enabled] of [
    ['enable', true],
    ['disable', false],
  ] as const) {
    group
      .command(`${verb} <name>`)
      .description(`${verb} a healing rule`)
      .action(async (name: string, _raw: unknown, command: Command) => {
        const config = await ctx.loadConfig(command);
        await withStore(config, ctx.io.cwd, async (store) => {
          const rule = await store.healingRules.update((await ruleNamed(store, name)).id, { enabled });
          await store.audit.append({
            action: `healing.rule.${verb}d`,
            user_id: reviewActor(undefined, ctx.io.env),
            target: `healingrule/${rule.name}`,
          });
          ctx.print(command, rule, (r) => `healing rule ${r.name} ${verb}d\n`);
        });
      });
  }
  group
    .command('history')
    .description('actions the healing rules took, newest first')
    .option('--rule <name>', 'only this rule')
    .action(async (raw: { rule?: string }, command: Command) => {
      const config = await ctx.loadConfig(command);
      await withStore(config, ctx.io.cwd, async (store) => {
        const ruleId = raw.rule ? (await ruleNamed(store, raw.rule)).id : undefined;
        const actions = await allActions(
          { rules: store.healingRules, actions: store.healingActions },
          { rule_id: ruleId },
        );
        const names = new Map((await store.healingRules.list({}, { page_size: 100 })).items.map((r) => [r.id, r.name]));
        ctx.print(command, actions, (list) =>
          renderColumns([
            ['TIME', 'RULE', 'TARGET', 'STATUS', 'OUTCOME', 'RECOVERED IN'],
            ...list.map((a) => actionRow(a, names)),
          ]),
        );
      });
    });
  group
    .command('stats')
    .description('success rate and median time to recover per rule and remediation')
    .action(async (_raw: unknown, command: Command) => {
      const config = await ctx.loadConfig(command);
      await withStore(config, ctx.io.cwd, async (store) => {
        const actions = await allActions({ rules: store.healingRules, actions: store.healingActions }, {});
        const names = new Map((await store.healingRules.list({}, { page_size: 100 })).items.map((r) => [r.id, r.name]));
        const stats = {
          by_rule: healingStats(actions, (a) => names.get(a.rule_id) ?? a.rule_id),
          by_remediation: healingStats(actions, (a) => String(a.result.remediation ?? 'unknown')),
        };
        ctx.print(command, stats, (s) =>
          renderColumns([
            ['RULE OR REMEDIATION', 'RUNS', 'SUCCEEDED', 'SUCCESS', 'MEDIAN RECOVERY'],
            ...[...s.by_rule, ...s.by_remediation].map((x) => [
              x.key,
              String(x.runs),
              String(x.succeeded),
              `${Math.round(x.success_rate * 100)}%`,
              x.median_time_to_recover_ms === null ? '-' : `${Math.round(x.median_time_to_recover_ms / 1000)}s`,
            ]),
          ]),
        );
      });
    });
  group
    .command('run')
    .description('run one healing pass now against the configured cluster')
    .action(async (_raw: unknown, command: Command) => {
      const config = await ctx.loadConfig(command);
      const gateway = openGateway(config, ctx.io);
      const err = (text: string) => ctx.io.stderr.write(`${text}\n`);
      await withStore(config, ctx.io.cwd, async (store) => {
        const clusterId = await registeredClusterId(store, gateway.config.server);
        const remediator = cliRemediator(store, gateway, { ...(clusterId ? { clusterId } : {}), err });
        const engine = createHealingEngine({
          gateway,
          clock: systemClock,
          audit: store.audit,
          store: { rules: store.healingRules, actions: store.healingActions },
          remediator,
          clusterId,
          alerts: {
            firing: async () =>
              (await store.alerts.list({ cluster_id: clusterId, state: 'FIRING' }, { page_size: 100 })).items,
          },
        });
        const report = await engine.runPass();
        const names = new Map((await store.healingRules.list({}, { page_size: 100 })).items.map((r) => [r.id, r.name]));
        ctx.print(command, report, (r) =>
          [
            renderColumns([
              ['TIME', 'RULE', 'TARGET', 'STATUS', 'OUTCOME', 'RECOVERED IN'],
              ...r.actions.map((a) => actionRow(a, names)),
            ]),
            ...r.held.map((x) => `held ${x.rule} ${x.target}: ${x.reason}\n`),
            ...r.paused.map((x) => `paused ${x.rule}: ${x.reason}\n`),
          ].join(''),
        );
      });
    });
  return group;
}
