import type { HealingRule } from '@opspilot/core';
import { DEFAULT_HEALING_RULES, defaultRulesFor } from '@opspilot/remediate';
import type { Command } from 'commander';
import { z } from 'zod';
import type { CliContext } from '../cliContext.js';
import { withStore } from '../openCliStore.js';
import { renderColumns } from '../renderOutput.js';
import { reviewActor } from './reviewActor.js';

const collect = (value: string, previous: string[] = []) => [...previous, ...value.split(',')];

const InstallOptions = z.object({
  namespaces: z.array(z.string().min(1)).min(1),
  only: z.array(z.string().min(1)).optional(),
  prefix: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,40}$/)
    .optional(),
  enable: z.boolean().default(false),
});

/**
 * Registers `opspilot healing rules defaults` (the shipped rules, one per failure class, with their classes,
 * remediations and policy) and `opspilot healing rules install-defaults --namespaces NS` (saves them for those
 * namespaces, disabled unless `--enable`; a name already taken is skipped). Tables, or `-o json|yaml`.
 */
export function healingRuleDefaults(rules: Command, ctx: CliContext): void {
  rules
    .command('defaults')
    .description('the default healing rules opspilot ships, one per failure class')
    .action(async (_raw: unknown, command: Command) => {
      ctx.print(command, [...DEFAULT_HEALING_RULES], (list) =>
        renderColumns([
          ['NAME', 'CLASSES', 'REMEDIATIONS', 'MODE', 'MAX OBJECTS', 'COOLDOWN'],
          ...list.map((d) => [
            d.name,
            [d.condition_type, ...d.classes].join(','),
            [d.action_type, ...d.remediations].join(','),
            d.mode,
            String(d.max_objects),
            `${d.cooldown_seconds}s`,
          ]),
        ]),
      );
    });
  rules
    .command('install-defaults')
    .description('save the default healing rules for some namespaces (disabled unless --enable)')
    .requiredOption('--namespaces <ns>', 'the namespaces they may act in (comma-separated, or repeated)', collect)
    .option('--only <names>', 'only these default rules (comma-separated, or repeated)', collect)
    .option('--prefix <prefix>', 'name them <prefix>-<name> (to install them again for other namespaces)')
    .option('--enable', 'enable them at once (automatic where the rule says so)')
    .action(async (raw: unknown, command: Command) => {
      const o = InstallOptions.parse(raw);
      const config = await ctx.loadConfig(command);
      await withStore(config, ctx.io.cwd, async (store) => {
        const created: HealingRule[] = [];
        const skipped: string[] = [];
        for (const rule of defaultRulesFor({ ...o, enabled: o.enable })) {
          if ((await store.healingRules.list({ name: rule.name }, { page_size: 1 })).items.length > 0) {
            skipped.push(rule.name);
            continue;
          }
          const saved = await store.healingRules.create(rule);
          await store.audit.append({
            action: 'healing.rule.created',
            user_id: reviewActor(undefined, ctx.io.env),
            target: `healingrule/${saved.name}`,
            details: { rule: saved as never },
          });
          created.push(saved);
        }
        ctx.print(command, { created, skipped }, (r) =>
          [
            ...r.created.map((x) => `healing rule ${x.name} added (${x.enabled ? 'enabled' : 'disabled'})\n`),
            ...r.skipped.map((name) => `healing rule ${name} exists already: left as it is\n`),
          ].join(''),
        );
      });
    });
}
