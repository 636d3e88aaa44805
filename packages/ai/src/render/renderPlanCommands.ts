import { type PlanStep, type RenderedCommands, redactSecret } from '@opspilot/core';
import { renderBash } from './renderBash.js';
import { renderPowerShell } from './renderPowerShell.js';
import { stepCommands } from './stepCommands.js';

/**
 * The kubectl commands equivalent to a plan's steps, for bash and for PowerShell 7.3+, one command per paragraph
 * with the step's description as a comment above it. Secret values are written as `<redacted>` (keys kept): the
 * commands are shown, returned and audited, and only the operation lifecycle applies the real values.
 * @example
 * renderPlanCommands([{ op: 'scale', target, replicas: 3, description: 'scale backend' }]).bash
 * // # scale backend
 * // kubectl scale deployment/backend -n todo --replicas=3
 */
export function renderPlanCommands(steps: readonly PlanStep[]): RenderedCommands {
  const bash: string[] = [];
  const powershell: string[] = [];
  for (const planned of steps) {
    const step = planned.op === 'apply' ? { ...planned, object: redactSecret(planned.object) } : planned;
    for (const command of stepCommands(step)) {
      bash.push(renderBash(command));
      const json = step.op === 'apply' ? () => JSON.stringify(step.object, null, 2) : undefined;
      powershell.push(renderPowerShell(command, json));
    }
  }
  return { bash: bash.join('\n\n'), powershell: powershell.join('\n\n') };
}
