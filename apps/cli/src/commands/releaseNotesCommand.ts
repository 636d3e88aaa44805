import { resolve } from 'node:path';
import { InputError } from '@opspilot/core';
import { buildReleaseNotes, GitCommit, renderReleaseNotes } from '@opspilot/delivery';
import { readGitHistory } from '@opspilot/git';
import type { Command } from 'commander';
import { z } from 'zod';
import type { CliContext } from '../cliContext.js';

const Options = z.object({
  since: z.string().min(1).optional(),
  until: z.string().min(1).optional(),
  deployment: z.string().min(1).optional(),
});

/**
 * Registers `opspilot release-notes [DIR] [--since TAG] [--until REF]`: reads the repository's history with git and
 * prints release notes — Conventional Commits grouped by type and scope, breaking changes, linked issues and
 * contributors — as Markdown, or as data with `-o json|yaml`. Without `--since` the notes start at the latest tag
 * (the one before it when HEAD is tagged).
 */
export function releaseNotesCommand(parent: Command, ctx: CliContext): Command {
  return parent
    .command('release-notes')
    .description(
      'release notes from git history: conventional commits by type and scope, breaking changes, issues, contributors',
    )
    .argument('[dir]', 'repository folder', '.')
    .option('--since <ref>', 'start after this tag or commit (default the latest tag)')
    .option('--until <ref>', 'end at this ref (default HEAD)')
    .option('--deployment <id>', 'start at the commit a deployment ran (needs deployment tracking)')
    .action(async (dir: string, raw: unknown, command: Command) => {
      const o = Options.parse(raw);
      if (o.deployment) {
        throw new InputError('deployments are not linked to commits yet', {
          hint: 'pass the tag or commit the deployment ran with --since',
        });
      }
      const history = await readGitHistory(resolve(ctx.io.cwd, dir), { since: o.since, until: o.until });
      const commits = history.commits.map((c) => GitCommit.parse(c));
      const notes = buildReleaseNotes(commits, { ...(history.from ? { from: history.from } : {}), to: history.to });
      ctx.print(command, notes, (n) => renderReleaseNotes(n));
    });
}
