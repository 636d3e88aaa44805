import { confirm, input } from '@inquirer/prompts';
import type { Operation } from '@opspilot/core';
import type { CliIo } from '../cliIo.js';

/** What the person at the terminal decided about an operation. */
export type ApprovalAnswer = { approved: true; confirmations: string[] } | { approved: false; why: string };

/**
 * Asks for approval on the terminal: a yes/no for writes, then — for a destructive plan — the name of every resource
 * at stake, typed out. Without a terminal (piped, CI) nothing is asked and the answer is no, naming `--yes`.
 */
export async function askApproval(io: CliIo, operation: Operation): Promise<ApprovalAnswer> {
  if (!io.terminal?.isTTY) {
    return {
      approved: false,
      why: 'this plan changes the cluster and needs approval; re-run with --yes to approve it',
    };
  }
  const context = { input: io.terminal, output: process.stderr };
  const ok = await confirm({ message: `Apply this ${operation.risk} plan?`, default: false }, context);
  if (!ok) return { approved: false, why: 'not approved' };
  const confirmations: string[] = [];
  for (const name of operation.confirmations) {
    const typed = await input({ message: `Destructive: type "${name}" to confirm` }, context);
    if (typed.trim() !== name) return { approved: false, why: `"${typed}" is not "${name}"` };
    confirmations.push(name);
  }
  return { approved: true, confirmations };
}
