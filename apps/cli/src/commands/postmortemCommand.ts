import { InputError } from '@opspilot/core';
import type { Command } from 'commander';
import { z } from 'zod';
import type { CliContext } from '../cliContext.js';
import { withStore } from '../openCliStore.js';
import { localCommander } from './incidentsLocal.js';
import { reviewActor } from './reviewActor.js';

/**
 * Registers `opspilot postmortem <incident>`: the incident's post-mortem as Markdown (`--html` for HTML, `-o json|yaml`
 * for both), generated from its timeline, analysis and runbook runs when none is stored yet or with `--generate`.
 */
export function postmortemCommand(parent: Command, ctx: CliContext): Command {
  return parent
    .command('postmortem')
    .description("an incident's post-mortem: generated from its timeline, causes and runbooks (Markdown or HTML)")
    .argument('<incident>', 'incident id as in `incidents list`')
    .option('--generate', 'write it again from the incident (replaces an edited one)')
    .option('--html', 'print HTML instead of Markdown')
    .option('--user <name>', 'who generates it, for the audit log')
    .action(async (id: string, options: { generate?: boolean; html?: boolean; user?: string }, command: Command) => {
      if (!z.uuid().safeParse(id).success)
        throw new InputError(`${id} is not an incident id`, { hint: 'run `opspilot incidents list` to see ids' });
      const config = await ctx.loadConfig(command);
      const pm = await withStore(config, ctx.io.cwd, async (store) => {
        const commander = await localCommander(config, ctx.io, store);
        const stored = await commander.postMortem(id);
        return options.generate || !stored.markdown
          ? commander.generatePostMortem(id, reviewActor(options.user, ctx.io.env))
          : stored;
      });
      ctx.print(command, pm, (p) => (options.html ? `${p.html}\n` : p.markdown));
    });
}
