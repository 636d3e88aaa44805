import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  type GeneratedConfig,
  type GeneratedConfigState,
  InputError,
  NotFoundError,
  type ReviewStatus,
} from '@opspilot/core';
import { validateFiles } from '@opspilot/manifests';
import type { Command } from 'commander';
import type { CliContext } from '../cliContext.js';
import { withStore } from '../openCliStore.js';
import { ReviewOptions, reviewActor, reviewConfigId } from './reviewActor.js';
import { recordReview, toValidationResult, transitionAudited } from './reviewWorkflow.js';

interface DecisionOptions {
  notes?: string;
  user?: string;
}

const DECISIONS: { name: string; to: GeneratedConfigState & ReviewStatus; describe: string; needsNotes: boolean }[] = [
  { name: 'approve', to: 'APPROVED', describe: 'approve a configuration awaiting review', needsNotes: false },
  { name: 'reject', to: 'REJECTED', describe: 'reject a configuration (final)', needsNotes: false },
  {
    name: 'request-changes',
    to: 'NEEDS_CHANGES',
    describe: 'send a configuration back for changes (--notes says which)',
    needsNotes: true,
  },
];

function summary(c: GeneratedConfig): string {
  return `${c.id} is now ${c.state}${c.review_notes ? ` (notes: ${c.review_notes})` : ''}\n`;
}

function readRevision(cwd: string, file: string): string {
  try {
    return readFileSync(resolve(cwd, file), 'utf8');
  } catch {
    throw new NotFoundError(`revision file ${file} not found`, { hint: 'pass --file with the edited configuration' });
  }
}

/**
 * Registers the review decisions: `approve`, `reject`, `request-changes` (each records a seed-000 Review and moves
 * the configuration along the state machine) and `revise` (NEEDS_CHANGES → REVISED → REVIEW_AGAIN with new
 * content, validated again so the reviewer sees fresh results). A move the state machine forbids exits 2 with the
 * allowed next states in the hint.
 */
export function reviewDecisionCommands(group: Command, ctx: CliContext): void {
  for (const decision of DECISIONS) {
    group
      .command(decision.name)
      .description(decision.describe)
      .argument('<id>', 'configuration id')
      .option('--notes <text>', 'reviewer notes, kept with the configuration and in the audit log')
      .option('--user <name>', 'acting user (default OPSPILOT_USER or the OS user)')
      .action(async (rawId: string, raw: unknown, command: Command) => {
        const id = reviewConfigId(rawId);
        const options: DecisionOptions = ReviewOptions.parse(raw);
        if (decision.needsNotes && !options.notes?.trim()) {
          throw new InputError(`${decision.name} needs --notes`, {
            hint: 'say what has to change, e.g. --notes "pin the image"',
          });
        }
        const actor = { user: reviewActor(options.user, ctx.io.env), notes: options.notes };
        const config = await withStore(await ctx.loadConfig(command), ctx.io.cwd, (store) =>
          store.transaction(async (tx) => {
            const patch = options.notes ? { review_notes: options.notes } : {};
            const moved = await transitionAudited(tx, id, decision.to, actor, patch);
            await recordReview(tx, id, decision.to, actor);
            return moved;
          }),
        );
        ctx.print(command, config, summary);
      });
  }
  group
    .command('revise')
    .description('submit a revised configuration after changes were requested (NEEDS_CHANGES → REVIEW_AGAIN)')
    .argument('<id>', 'configuration id')
    .requiredOption('--file <path>', 'the edited configuration')
    .option('--notes <text>', 'what changed')
    .option('--user <name>', 'acting user (default OPSPILOT_USER or the OS user)')
    .action(async (rawId: string, raw: unknown, command: Command) => {
      const id = reviewConfigId(rawId);
      const options = ReviewOptions.required({ file: true }).parse(raw);
      const content = readRevision(ctx.io.cwd, options.file);
      const actor = { user: reviewActor(options.user, ctx.io.env), notes: options.notes };
      const config = await withStore(await ctx.loadConfig(command), ctx.io.cwd, async (store) => {
        const current = await store.generatedConfigs.get(id);
        const report = await validateFiles([{ path: current.file_path, content }]);
        const patch = {
          content,
          validation_results: report.findings.map(toValidationResult),
          ...(options.notes ? { review_notes: options.notes } : {}),
        };
        return store.transaction(async (tx) => {
          await transitionAudited(tx, id, 'REVISED', { ...actor, prompt: `revise --file ${options.file}` }, patch);
          return transitionAudited(tx, id, 'REVIEW_AGAIN', actor);
        });
      });
      ctx.print(command, config, summary);
    });
}
