import { type HealingAction, type HealingRule, HealingTrigger, NotFoundError, systemClock } from '@opspilot/core';
import { allActions, createHealingEngine, healingLearning, runbookPortOf } from '@opspilot/remediate';
import type { Store } from '@opspilot/store';
import type { Command } from 'commander';
import type { CliContext } from '../cliContext.js';
import { openGateway } from '../clusterAccess.js';
import { withStore } from '../openCliStore.js';
import { renderColumns } from '../renderOutput.js';
import { registeredClusterId } from './askApply.js';
import { cliRemediator } from './cliRemediator.js';
import { healingRuleAdd } from './healingRuleAdd.js';
import { healingRuleDefaults } from './healingRuleDefaults.js';
import { localCommander } from './incidentsLocal.js';
import { reviewActor } from './reviewActor.js';

async function ruleNamed(store: Store, name: string): Promise<HealingRule> {
  const found = (await store.healingRules.list({ name }, { page_size: 1 })).items[0];
  if (!found) throw new NotFoundError(`no healing rule ${name}`, { hint: 'run `opspilot healing rules` to list them' });
  return found;
}

const ruleRow = (r: HealingRule) => {
  const limits = r.action_config as { mode?: string; dry_run?: boolean; runbook?: string };
  const scope = r.condition_config as { namespaces?: string[] };
  return [
    r.name,
    r.condition_type,
    limits.runbook ? `runbook ${limits.runbook}` : r.action_type,
    (scope.namespaces ?? []).join(','),
    `${limits.mode ?? 'approval'}${limits.dry_run ? ' (dry run)' : ''}`,
    r.enabled ? 'yes' : 'no',
    `${r.cooldown_seconds}s`,
  ];
};

const actionRow = (a: HealingAction, names: Map<string, string>) => [
  a.started_at ?? a.created_at,
  a.rule_id ? (names.get(a.rule_id) ?? a.rule_id) : 'manual',
  a.target,
  a.status,
  String(a.result.outcome ?? a.result.reason ?? ''),
  typeof a.result.time_to_recover_ms === 'number' ? `${Math.round(a.result.time_to_recover_ms / 1000)}s` : '-',
];

/** RUNS, SUCCEEDED, SUCCESS and MEDIAN RECOVERY cells of a learned figure. */
const figures = (x: {
  runs: number;
  succeeded: number;
  success_rate: number;
  median_time_to_recover_ms: number | null;
}) => [
  String(x.runs),
  String(x.succeeded),
  `${Math.round(x.success_rate * 100)}%`,
  x.median_time_to_recover_ms === null ? '-' : `${Math.round(x.median_time_to_recover_ms / 1000)}s`,
];

/**
 * Registers `opspilot healing rules|rules add|rules defaults|rules install-defaults|enable|disable|history|stats|run`:
 * self-healing rules (validated when saved: listed namespaces, never a system one, automatic only for non-destructive
 * remediations) and the shipped default rules, the actions they took — and the fixes people applied (MANUAL) — with
 * outcome and time to recover, what was learned per rule, remediation and finding class, and one healing
 * pass now against the configured cluster (its findings, anomalies and open incidents; runbooks run locally). Tables,
 * or `-o json|yaml`.
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
  healingRuleAdd(rules, ctx);
  healingRuleDefaults(rules, ctx);
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
    .description('actions the healing rules took and fixes people applied (rule "manual"), newest first')
    .option('--rule <name>', 'only this rule')
    .option('--trigger <trigger>', 'only RULE actions or MANUAL fixes (ask, opspilot fix, the Fix button)')
    .action(async (raw: { rule?: string; trigger?: string }, command: Command) => {
      const trigger = raw.trigger ? HealingTrigger.parse(raw.trigger.toUpperCase()) : undefined;
      const config = await ctx.loadConfig(command);
      await withStore(config, ctx.io.cwd, async (store) => {
        const ruleId = raw.rule ? (await ruleNamed(store, raw.rule)).id : undefined;
        const actions = await allActions(
          { rules: store.healingRules, actions: store.healingActions },
          { rule_id: ruleId, trigger },
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
    .description('success rate and median time to recover per rule, remediation and finding class')
    .action(async (_raw: unknown, command: Command) => {
      const config = await ctx.loadConfig(command);
      await withStore(config, ctx.io.cwd, async (store) => {
        const actions = await allActions({ rules: store.healingRules, actions: store.healingActions }, {});
        const names = new Map((await store.healingRules.list({}, { page_size: 100 })).items.map((r) => [r.id, r.name]));
        const stats = healingLearning(actions, names);
        ctx.print(command, stats, (s) =>
          renderColumns([
            ['BY', 'NAME', 'RUNS', 'SUCCEEDED', 'SUCCESS', 'MEDIAN RECOVERY'],
            ...(
              [
                ['rule', s.by_rule],
                ['remediation', s.by_remediation],
                ['class', s.by_class],
              ] as const
            ).flatMap(([by, list]) => list.map((x) => [by, x.name, ...figures(x)])),
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
        const remediator = cliRemediator(store, gateway, { ...(clusterId ? { clusterId } : {}), err, manual: false });
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
          triggers: {
            anomalies: async (since) =>
              (
                await store.anomalies.list(
                  { ...(clusterId ? { cluster_id: clusterId } : {}), detected_at: { gte: since.toISOString() } },
                  { page_size: 100 },
                )
              ).items,
            incidents: async () =>
              (await store.incidents.list(clusterId ? { cluster_id: clusterId } : {}, { page_size: 100 })).items.filter(
                (i) => i.status !== 'RESOLVED' && i.status !== 'CLOSED',
              ),
          },
          runbooks: runbookPortOf({
            ...(await localCommander(config, ctx.io, store)),
            executions: store.runbookExecutions,
          }),
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
