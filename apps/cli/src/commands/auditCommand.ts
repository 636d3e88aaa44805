import { type AuditTrailEntry, NotFoundError } from '@opspilot/core';
import type { CheckpointState } from '@opspilot/store';
import type { Command } from 'commander';
import { z } from 'zod';
import type { CliContext } from '../cliContext.js';
import { withStore } from '../openCliStore.js';
import { renderColumns } from '../renderOutput.js';

const ListOptions = z.object({
  user: z.string().optional(),
  action: z.string().optional(),
  page: z.coerce.number().int().min(1, 'must be 1 or more').default(1),
  pageSize: z.coerce.number().int().min(1).max(100, 'must be between 1 and 100').default(20),
});

/** How an intact log stands against its checkpoint, for the text output of `audit verify`. */
function anchorText(checkpoint: CheckpointState): string {
  if (checkpoint.state === 'valid') return `head at or past checkpoint #${checkpoint.sequence} (${checkpoint.file})`;
  return 'no checkpoint yet (one is written with the next entry)';
}

/**
 * Registers `opspilot audit verify` (exit 1 and the first bad entry when the hash chain is broken, or the log ends
 * before its signed checkpoint in `<data_dir>/audit-checkpoint.json`) and
 * `opspilot audit list` (newest first, paginated).
 */
export function auditCommand(parent: Command, ctx: CliContext): Command {
  const group = parent.command('audit').description('inspect and verify the tamper-evident audit log');
  group
    .command('verify')
    .description(
      'check the hash chain of the audit log against its signed checkpoint; exit 1 naming the first edited, inserted or deleted entry, or a deleted tail',
    )
    .action(async (_options: unknown, command: Command) => {
      const report = await withStore(await ctx.loadConfig(command), ctx.io.cwd, (store) => store.audit.verify());
      if (!report.ok) ctx.run.exitCode = 1;
      const c = ctx.colors(command);
      ctx.print(command, report, (r) =>
        r.ok
          ? `${c.green('ok')}: ${r.checked} audit entries, chain intact, ${anchorText(r.checkpoint)}\n`
          : `${c.red('BROKEN')}: ${r.firstBad?.problem} at entry #${r.firstBad?.sequence}: ${r.firstBad?.message}\n`,
      );
    });
  group
    .command('list')
    .description('list audit entries, newest first')
    .option('--user <id>', 'only entries of this user')
    .option('--action <name>', 'only entries of this action, e.g. plan.applied')
    .option('--page <n>', 'page number', '1')
    .option('--page-size <n>', 'entries per page (1-100)', '20')
    .action(async (raw: unknown, command: Command) => {
      const parsed = ListOptions.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        command.error(`--${String(issue.path[0]).replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`)} ${issue.message}`);
        return;
      }
      const { user, action, page, pageSize } = parsed.data;
      const result = await withStore(await ctx.loadConfig(command), ctx.io.cwd, (store) =>
        store.audit.list({ user_id: user, action }, { page, page_size: pageSize }),
      );
      ctx.print(
        command,
        result,
        (r) =>
          `${renderColumns([
            ['#', 'TIME', 'USER', 'ACTION', 'TARGET', 'STATUS'],
            ...r.items.map((e: AuditTrailEntry) => [
              String(e.sequence),
              e.timestamp,
              e.user_id,
              e.action,
              e.target ?? '-',
              e.status,
            ]),
          ])}\npage ${r.page} of ${Math.max(r.total_pages, 1)} (${r.total} entries)\n`,
      );
    });
  group
    .command('show')
    .description('show one audit entry in full, by its sequence number or interaction id')
    .argument('<entry>', 'sequence number (as in `audit list`) or interaction id')
    .action(async (entry: string, _options: unknown, command: Command) => {
      const filter = /^\d+$/.test(entry) ? { sequence: Number(entry) } : undefined;
      const found = await withStore(await ctx.loadConfig(command), ctx.io.cwd, async (store) => {
        if (filter) return (await store.audit.list(filter, { page_size: 1 })).items[0];
        for (let page = 1; ; page++) {
          const result = await store.audit.list({}, { page, page_size: 100 });
          const hit = result.items.find((e) => e.interaction_id === entry);
          if (hit || page >= result.total_pages) return hit;
        }
      });
      if (!found) {
        throw new NotFoundError(`no audit entry ${entry}`, { hint: 'run `opspilot audit list` to see entries' });
      }
      ctx.print(command, found, (e) =>
        [
          `#${e.sequence} ${e.timestamp} ${e.action} by ${e.user_id}: ${e.status}`,
          `target:  ${e.target ?? '-'}`,
          `tool:    ${e.ai_tool}`,
          `request: ${e.input_prompt || '-'}`,
          `output:  ${e.output_generated || '-'}`,
          `details: ${JSON.stringify(e.details)}`,
          `hash:    ${e.hash} (previous ${e.prev_hash})`,
          '',
        ].join('\n'),
      );
    });
  return group;
}
