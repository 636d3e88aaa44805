import type { HealingAction, NewHealingAction } from '@opspilot/core';
import { concurrencyLimit } from './concurrencyLimit.js';
import type { EngineContext, RuleTrigger } from './engineContext.js';
import { cooldownNoted, holdBack } from './healingGates.js';

/**
 * Decides whether a rule may act on a target now, and records the refusal when it may not: the cooldown (once per
 * cooldown), the maintenance window, the rate limit, the attempts, `extra` (the blast radius of the fix) and the
 * actions running at once — each a SKIPPED action with its reason in the history, published as
 * HEALING_ACTION_FINISHED (status SKIPPED, with the reason). Returns true when held back.
 */
export async function gateAction(
  ctx: EngineContext,
  rt: RuleTrigger,
  history: { rule: HealingAction[]; target: HealingAction[] },
  base: NewHealingAction,
  about: Record<string, unknown>,
  extra?: () => Promise<string | undefined>,
): Promise<boolean> {
  const { rule, parsed } = rt;
  const limits = { ...parsed.limits, cooldown_seconds: rule.cooldown_seconds, max_retries: rule.max_retries };
  const held = holdBack(history, limits, ctx.deps.clock.now());
  const skip = async (reason: string) => {
    const action = await ctx.deps.store.actions.create({
      ...base,
      status: 'SKIPPED',
      result: { ...about, reason } as never,
    });
    ctx.report.actions.push(action);
    const parts = base.target.split('/');
    await ctx.publish('HEALING_ACTION_FINISHED', parts.length === 3 ? parts[1] : undefined, {
      action_id: action.id,
      rule: rule.name,
      target: base.target,
      status: 'SKIPPED',
      reason,
    });
  };
  if (held?.startsWith('cooldown')) {
    ctx.report.held.push({ rule: rule.name, target: base.target, reason: held });
    // One history line per cooldown (not one per pass): the refusal is on record with its reason.
    if (!cooldownNoted(history.target)) await skip(held);
    return true;
  }
  const reason =
    held ?? (await extra?.()) ?? (await concurrencyLimit(ctx.deps.store, ctx.deps.clusterId, parsed.limits));
  if (!reason) return false;
  ctx.report.held.push({ rule: rule.name, target: base.target, reason });
  await skip(reason);
  return true;
}
