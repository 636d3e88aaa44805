import type { ObjectRef, PlanOutcome } from '@opspilot/core';

/** A repair request as the planner grounded it: the words, the cluster objects they name, the namespace chosen. */
export interface RepairRequest {
  text: string;
  /** The objects the request points at (by name, fuzzy match, or `it` from the previous request). */
  targets: ObjectRef[];
  namespace?: string;
}

/**
 * The remediation catalogue as the planner reaches it (a port: the catalogue lives in `@opspilot/remediate`, which the
 * CLI and the server wire in). Given a grounded repair request it answers a plan of the catalogue's fix (or a question,
 * or why there is no safe fix), or undefined when it has nothing for those objects — the planner then diagnoses.
 */
export type RepairCatalogue = (request: RepairRequest) => Promise<PlanOutcome | undefined>;

/** A planner as the CLI and the server compose them (`@opspilot/ops`'s `Planner`). */
type Planner = (request: string, context: { namespace?: string }) => Promise<PlanOutcome>;

const NO_REPAIR = 'no repair from the catalogue';

/**
 * The planner to wrap with a catalogue planner (`fixPlanner` of `@opspilot/remediate`) when it serves as a
 * {@link RepairCatalogue}: it answers "nothing here", which {@link repairThrough} turns into undefined.
 */
export const noRepair: Planner = async () => ({
  kind: 'unsupported',
  message: NO_REPAIR,
  understood: NO_REPAIR,
  suggestions: [],
  notices: [],
});

/**
 * A {@link RepairCatalogue} over a catalogue planner built around {@link noRepair}: the request goes to it with the
 * grounded objects named (so "fix it" after "why is backend crashing" reaches backend's finding), and "nothing here"
 * comes back as undefined.
 * @example
 * const catalogue = fixPlanner(noRepair, { gateway, now });
 * await planRequest('fix it', { gateway, session, repair: repairThrough(catalogue) });
 */
export function repairThrough(catalogue: Planner): RepairCatalogue {
  return async ({ text, targets, namespace }) => {
    const named = targets.map((t) => `${t.kind.toLowerCase()} ${t.namespace ? `${t.namespace} ` : ''}${t.name}`);
    const request = named.length > 0 ? `${text} (${named.join(', ')})` : text;
    const outcome = await catalogue(request, namespace ? { namespace } : {});
    return outcome.kind === 'unsupported' && outcome.understood === NO_REPAIR ? undefined : outcome;
  };
}

/** A catalogue planner: a planner that answers repair requests itself and remembers the fix behind each plan. */
type CataloguePlanner<S> = Planner & { fixOf(plan: { request: string; summary: string }): S | undefined };

/**
 * Composes the planner of `ask` with the remediation catalogue on both sides: `wrap` (e.g.
 * `inner => fixPlanner(inner, deps)`) answers repair requests that name their object first, and the grounded planner
 * `plan` reaches the same catalogue through its {@link RepairCatalogue} port for the ones only it can ground (`it`,
 * a fuzzy name). `fixOf` finds the fix behind a plan from either.
 * @example
 * const planner = withRepairCatalogue((inner) => fixPlanner(inner, fixes), (text, ctx, repair) =>
 *   planRequest(text, { gateway, namespace: ctx.namespace, repair }));
 */
export function withRepairCatalogue<S>(
  wrap: (inner: Planner) => CataloguePlanner<S>,
  plan: (request: string, context: { namespace?: string }, repair: RepairCatalogue) => Promise<PlanOutcome>,
): CataloguePlanner<S> {
  const catalogue = wrap(noRepair);
  const repair = repairThrough(catalogue);
  const outer = wrap((request, context) => plan(request, context, repair));
  return Object.assign((request: string, context: { namespace?: string }) => outer(request, context), {
    fixOf: (p: { request: string; summary: string }) => outer.fixOf(p) ?? catalogue.fixOf(p),
  });
}
