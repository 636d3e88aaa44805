import { KUBE_RULES, type KubeObj, type KubeRule, type KubeRuleContext } from '@opspilot/manifests';

const BY_ID = new Map<string, KubeRule>(KUBE_RULES.map((r) => [r.id, r]));

/**
 * The messages of a validator rule for an object: templates without parameters run the very rule `opspilot validate`
 * and the posture scan run, so the check is written once.
 */
export function ruleReasons(id: string): (obj: KubeObj, ctx: KubeRuleContext) => string[] {
  const rule = BY_ID.get(id);
  if (!rule) throw new Error(`policy template names unknown rule ${id}`);
  return (obj, ctx) => rule.check(obj, ctx).map((v) => v.message);
}
