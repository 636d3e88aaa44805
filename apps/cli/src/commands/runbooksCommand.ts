import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InputError } from '@opspilot/core';
import type { Command } from 'commander';
import type { CliContext } from '../cliContext.js';
import { withStore } from '../openCliStore.js';
import { renderColumns } from '../renderOutput.js';
import { localCommander } from './incidentsLocal.js';
import { reviewActor } from './reviewActor.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

function paramsOf(pairs: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq < 1)
      throw new InputError(`--param ${pair} is not name=value`, {
        hint: 'e.g. --param namespace=todo --param workload=backend',
      });
    out[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return out;
}

/**
 * Registers `opspilot runbooks [list]|show|save|run`: the stored runbooks (shipped and user-defined), one runbook's
 * YAML, saving a runbook from a YAML file (refused with the lines of its problems), and running one against the
 * current cluster — every change through the operation lifecycle; `--yes` approves each change as you.
 */
export function runbooksCommand(parent: Command, ctx: CliContext): Command {
  const group = parent.command('runbooks').description('runbooks: list, show, save and run them');
  group
    .command('list', { isDefault: true })
    .description('list the runbooks')
    .action(async (_o: unknown, command: Command) => {
      const config = await ctx.loadConfig(command);
      const items = await withStore(config, ctx.io.cwd, async (store) => {
        const commander = await localCommander(config, ctx.io, store);
        return (await commander.library.list({ page_size: 100 })).items;
      });
      ctx.print(
        command,
        { apiVersion: 'v1', kind: 'RunbookList', items },
        (list) =>
          `${renderColumns([
            ['NAME', 'STEPS', 'TRIGGERS', 'APPROVAL', 'DESCRIPTION'],
            ...list.items.map((r) => [
              r.name,
              String(r.steps.length),
              ((r.trigger_conditions.causes as string[] | undefined) ?? []).join(',') || '-',
              r.requires_approval ? 'required' : 'auto',
              r.description,
            ]),
          ])}\n`,
      );
    });
  group
    .command('show')
    .description("show a runbook's YAML (its newest version)")
    .argument('<name>', 'name as in `runbooks list`')
    .action(async (name: string, _o: unknown, command: Command) => {
      const config = await ctx.loadConfig(command);
      const loaded = await withStore(config, ctx.io.cwd, async (store) =>
        (await localCommander(config, ctx.io, store)).library.load(name),
      );
      ctx.print(
        command,
        { name: loaded.runbook.name, version: loaded.version, document: loaded.document },
        () => loaded.source,
      );
    });
  group
    .command('save')
    .description('save a runbook from a YAML file (a new version when it exists)')
    .argument('<file>', 'the runbook YAML')
    .option('--user <name>', 'who saves it, for the audit log')
    .action(async (file: string, options: { user?: string }, command: Command) => {
      const config = await ctx.loadConfig(command);
      const source = await readFile(resolve(ctx.io.cwd, file), 'utf8');
      const saved = await withStore(config, ctx.io.cwd, async (store) =>
        (await localCommander(config, ctx.io, store)).library.save(source, reviewActor(options.user, ctx.io.env)),
      );
      ctx.print(
        command,
        { name: saved.runbook.name, version: saved.version },
        (s) => `runbook ${s.name} saved as version ${s.version}\n`,
      );
    });
  group
    .command('run')
    .description('run a runbook against the current cluster; each change waits for approval (--yes approves as you)')
    .argument('<name>', 'name as in `runbooks list`')
    .option('-p, --param <name=value>', 'a parameter (repeatable)', collect, [])
    .option('--incident <id>', 'the incident it runs for (its timeline records the run)')
    .option('--yes', 'approve each change as you (a destructive step still needs another approver)')
    .option('--user <name>', 'who runs it, for the audit log')
    .action(
      async (
        name: string,
        options: { param: string[]; incident?: string; yes?: boolean; user?: string },
        command: Command,
      ) => {
        const config = await ctx.loadConfig(command);
        const user = reviewActor(options.user, ctx.io.env);
        const execution = await withStore(config, ctx.io.cwd, async (store) => {
          const commander = await localCommander(config, ctx.io, store);
          let run = await commander.runner.start({
            runbook: name,
            input: paramsOf(options.param),
            incident_id: options.incident,
            user,
          });
          while (run.status === 'AWAITING_APPROVAL' && options.yes)
            run = await commander.runner.approve(run.id, { user });
          return run;
        });
        if (execution.status === 'FAILED' || execution.status === 'CANCELLED') ctx.run.exitCode = 1;
        ctx.print(command, execution, (e) =>
          [
            `execution ${e.id}: ${e.status}`,
            renderColumns([
              ['STEP', 'STATUS', 'OUTPUT'],
              ...e.step_results.map((r) => [
                r.step_id,
                r.status,
                (r.error ?? r.output).split('\n')[0]?.slice(0, 120) ?? '',
              ]),
            ]),
            e.status === 'AWAITING_APPROVAL'
              ? 'a change waits for approval: run again with --yes, or approve it in the dashboard'
              : '',
            '',
          ].join('\n'),
        );
      },
    );
  return group;
}
