import { type GeneratedConfig, GeneratedConfigState, nextStates } from '@opspilot/core';
import type { Command } from 'commander';
import { z } from 'zod';
import type { CliContext } from '../cliContext.js';
import { withStore } from '../openCliStore.js';
import { renderColumns } from '../renderOutput.js';
import { reviewConfigId } from './reviewActor.js';
import { reviewApplyCommand } from './reviewApplyCommand.js';
import { reviewDecisionCommands } from './reviewDecisionCommands.js';

const ListOptions = z.object({
  state: z
    .string()
    .transform((s) => s.toUpperCase().replace(/-/g, '_'))
    .pipe(GeneratedConfigState)
    .optional(),
  page: z.coerce.number().int().min(1, 'must be 1 or more').default(1),
  pageSize: z.coerce.number().int().min(1).max(100, 'must be between 1 and 100').default(20),
});

const count = (c: GeneratedConfig, severity: string) =>
  c.validation_results.filter((r) => r.severity === severity).length;

/** The text of `review show`: the configuration, its findings, notes, the legal next steps and the content. */
function renderShow(c: GeneratedConfig & { next: readonly string[] }): string {
  const lines = [
    `id:        ${c.id}`,
    `file:      ${c.file_path}`,
    `type:      ${c.resource_type}`,
    `revision:  ${c.revision}`,
    `state:     ${c.state}`,
    `generator: ${c.generator_tool}`,
    `created:   ${c.created_at}`,
    `updated:   ${c.updated_at}`,
    `next:      ${c.next.length ? c.next.join(', ') : 'none (final)'}`,
  ];
  if (c.review_notes) lines.push(`notes:     ${c.review_notes}`);
  lines.push(
    `validation: ${count(c, 'ERROR')} error(s), ${count(c, 'WARNING')} warning(s), ${count(c, 'INFO')} info(s)`,
  );
  for (const r of c.validation_results)
    lines.push(`  ${r.severity} [${r.rule}] ${r.message}${r.line ? ` (line ${r.line})` : ''}`);
  return `${lines.join('\n')}\n---\n${c.content}`;
}

/**
 * Registers `opspilot review list|show|approve|reject|request-changes|revise|apply`: the seed-000 review workflow of
 * generated configurations, every transition written to the audit log with the acting user.
 */
export function reviewCommand(parent: Command, ctx: CliContext): Command {
  const group = parent
    .command('review')
    .description('review generated configurations (approve, reject, request changes)');
  group
    .command('list')
    .description('list generated configurations, newest first')
    .option('--state <state>', `only this state (${GeneratedConfigState.options.join(', ')})`)
    .option('--page <n>', 'page number', '1')
    .option('--page-size <n>', 'configurations per page (1-100)', '20')
    .action(async (raw: unknown, command: Command) => {
      const parsed = ListOptions.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        command.error(`--${String(issue.path[0]).replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`)} ${issue.message}`);
        return;
      }
      const { state, page, pageSize } = parsed.data;
      const result = await withStore(await ctx.loadConfig(command), ctx.io.cwd, (store) =>
        store.generatedConfigs.list(state ? { state } : {}, { page, page_size: pageSize }),
      );
      ctx.print(
        command,
        result,
        (r) =>
          `${renderColumns([
            ['ID', 'STATE', 'TYPE', 'FILE', 'REV', 'ERRORS', 'WARNINGS', 'UPDATED'],
            ...r.items.map((c: GeneratedConfig) => [
              c.id,
              c.state,
              c.resource_type,
              c.file_path,
              String(c.revision),
              String(count(c, 'ERROR')),
              String(count(c, 'WARNING')),
              c.updated_at,
            ]),
          ])}\npage ${r.page} of ${Math.max(r.total_pages, 1)} (${r.total} configurations)\n`,
      );
    });
  group
    .command('show')
    .description('show one generated configuration: content, validation results, notes and next steps')
    .argument('<id>', 'configuration id')
    .action(async (rawId: string, _raw: unknown, command: Command) => {
      const id = reviewConfigId(rawId);
      const config = await withStore(await ctx.loadConfig(command), ctx.io.cwd, (store) =>
        store.generatedConfigs.get(id),
      );
      ctx.print(command, { ...config, next: nextStates(config.state) }, renderShow);
    });
  reviewDecisionCommands(group, ctx);
  reviewApplyCommand(group, ctx);
  return group;
}
