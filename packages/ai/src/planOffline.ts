import type { ClusterGateway, PlanOutcome, PlanStep } from '@opspilot/core';
import { policyAuditOutcome } from '@opspilot/security';
import type { Frame } from './frame/frame.js';
import { parseFrame, workloadRefusesIntake, YES_NO_QUESTION } from './frame/parseFrame.js';
import { namespaceOf, pickTargets } from './frame/pickTargets.js';
import { type FrameContext, INSPECTABLE, planFrame } from './frame/planFrame.js';
import { splitClauses } from './frame/splitClauses.js';
import { type Entity, loadVocabulary } from './frame/vocabulary.js';
import { describeMetricQuestion, matchMetricQuestion } from './intent/metricQuestion.js';
import { parseIntent } from './intent/parseIntent.js';
import { closestRequests } from './intent/supportedRequests.js';
import { buildSteps } from './plan/buildSteps.js';
import { finishPlan } from './plan/finishPlan.js';
import type { Built } from './plan/planContext.js';
import type { RepairCatalogue } from './repairCatalogue.js';
import { readRequest } from './requestReaders.js';
import { cachedLister } from './resolve/resolveTarget.js';

/** What one conversation remembers between requests: the objects the last request named (for `it`, `them`). */
export interface PlannerSession {
  previous?: { kind: string; name: string; namespace?: string }[];
}

/** A new, empty {@link PlannerSession}. */
export function createPlannerSession(): PlannerSession {
  return {};
}

/** Options of {@link planOffline}. */
export interface OfflineOptions {
  /** Only its `list` is used, to resolve names: the planner never writes. */
  gateway: Pick<ClusterGateway, 'list'>;
  /** The namespace the user chose (`-n`); names are searched in every namespace when missing. */
  namespace?: string;
  /** The conversation this request belongs to; updated with the objects it names. */
  session?: PlannerSession;
  /** The remediation catalogue: a "fix …" request grounded in the cluster is answered with its fix first. */
  repair?: RepairCatalogue;
}

function understoodOf(frame: Frame): string {
  const names = frame.mentions.flatMap((m) =>
    m.entities.map((e) => `${e.kind.toLowerCase()} ${e.namespace ? `${e.namespace}/` : ''}${e.name}`),
  );
  const what = frame.action === 'unsupported' ? 'nothing I can turn into a Kubernetes operation' : frame.action;
  return `${what}${names.length ? ` (${[...new Set(names)].slice(0, 4).join(', ')})` : ''}${frame.namespace ? ` in namespace ${frame.namespace}` : ''}`;
}

/** The catalogue's answer to a grounded "fix …" clause, or undefined when it has none (the planner diagnoses). */
async function repairOf(frame: Frame, ctx: FrameContext, repair: RepairCatalogue): Promise<PlanOutcome | undefined> {
  const picked = pickTargets(frame, ctx.vocabulary, INSPECTABLE, {
    ...(ctx.namespace ? { namespace: ctx.namespace } : {}),
    ...(ctx.previous ? { previous: ctx.previous } : {}),
    preferKindOrder: true,
  });
  const targets = picked.kind === 'targets' ? picked.targets : [];
  const namespace = namespaceOf(frame, ctx.namespace);
  return repair({
    text: frame.text,
    targets: targets.map((e) => ({ kind: e.kind, name: e.name, ...(e.namespace ? { namespace: e.namespace } : {}) })),
    ...(namespace ? { namespace } : {}),
  });
}

/** The old phrase families, kept as the last resort for wordings the frame cannot plan; never on an unknown name. */
async function legacy(text: string, ctx: FrameContext): Promise<Built | undefined> {
  const intent = parseIntent(text, ctx.vocabulary.namespaces);
  if (!intent.ok) return undefined;
  const target = 'target' in intent.value ? intent.value.target : undefined;
  if (target && intent.value.action !== 'create') {
    const name = target.name.toLowerCase();
    const grounded = ctx.vocabulary.entities.some(
      (e) => e.name.toLowerCase() === name || e.name.toLowerCase().includes(name),
    );
    if (!grounded) return undefined;
  }
  return buildSteps(intent.value, ctx);
}

/**
 * The built-in planner: deterministic, no model, no tokens. The request is split into its ordered clauses; each is
 * read into a grounded frame (the cluster's own names found in its words, typed values extracted, the action
 * classified: see `frame/`), planned with the step builders (names resolved against the live cluster), and the steps
 * joined into one plan with classified risk and kubectl commands. Otherwise a clarifying question (an ambiguous or
 * missing name or value, with choices), or — out of scope — what was understood and the closest supported requests.
 * A metrics question ("which pods use the most memory") is answered as `metrics` with its named query.
 */
export async function planOffline(text: string, options: OfflineOptions): Promise<PlanOutcome> {
  const metric = metricOutcome(text);
  if (metric) return metric;
  // "Which … violate <policy>": answered by the security package's policy audit (issue 18).
  const audit = policyAuditOutcome(text);
  if (audit) return audit;
  // A question a module answers itself ("how much does namespace todo cost"): see registerRequestReader.
  const read = readRequest(text);
  if (read) return read;
  const ctx = await frameContextOf(options);
  const { vocabulary, namespaces } = ctx;
  const all: PlanStep[] = [];
  const summaries: string[] = [];
  let understood = '';
  const clauses = splitClauses(text);
  for (const [index, clause] of clauses.entries()) {
    const frame = parseFrame(clause, vocabulary);
    // A statement before the request (`web-app is over-provisioned; scale it down 50 percent`) is its context: the
    // objects it names are what `it` refers to, and it asks for nothing itself.
    if (index < clauses.length - 1 && isContext(clause, frame)) {
      const named = frame.mentions.filter((m) => m.tier !== 'fuzzy').flatMap((m) => m.entities);
      if (named.length) ctx.previous = named;
      continue;
    }
    // `… and deploy nginx there`: a clause placed in a namespace an earlier clause creates is a creation.
    if (/\b(?:there|in\s+it|into\s+it|inside\s+it)\b/i.test(clause) && ctx.created.some((c) => c.kind === 'Namespace'))
      frame.action = 'create';
    understood = understoodOf(frame);
    ctx.acted = undefined;
    if (frame.action === 'fix' && options.repair) {
      const fixed = await repairOf(frame, ctx, options.repair);
      if (fixed) return fixed;
    }
    // A workload told to take nothing more in is not a node to cordon: asked back, nothing changes.
    if (workloadRefusesIntake(frame)) {
      const name = frame.mentions[0]?.entities[0]?.name ?? 'it';
      return {
        kind: 'question',
        question: `${name} is not a node, and only a node is kept from taking new pods (a cordon); nothing was changed. Did you mean to scale it down ("scale ${name} to 1"), or to cordon the node it runs on ("cordon <node>")?`,
        understood,
        candidates: [],
        notices: [],
      };
    }
    let built: Built | undefined;
    try {
      built = await planFrame(frame, ctx);
      built ??= await legacy(clause, ctx);
    } catch (error) {
      if (error instanceof Error && 'hint' in error) {
        return {
          kind: 'unsupported',
          message: error.message,
          understood,
          suggestions: closestRequests(clause),
          notices: [],
        };
      }
      throw error;
    }
    if (!built) {
      return {
        kind: 'unsupported',
        message: `I could not turn "${clause}" into a Kubernetes operation.`,
        understood: understoodOf(frame),
        suggestions: closestRequests(clause),
        notices: [],
      };
    }
    if (built.kind === 'question') {
      return { kind: 'question', question: built.question, understood, candidates: built.candidates, notices: [] };
    }
    if (built.kind === 'unsupported') {
      return {
        kind: 'unsupported',
        message: built.message,
        understood,
        suggestions: built.suggestions.length ? built.suggestions : closestRequests(clause),
        notices: [],
      };
    }
    all.push(...built.steps);
    summaries.push(built.summary);
    // planFrame sets ctx.acted (reset above); read it back at its declared type, not the narrowed `undefined`.
    const acted = ctx.acted as FrameContext['acted'];
    if (acted?.length) ctx.previous = acted;
  }
  if (options.session && ctx.previous) {
    options.session.previous = ctx.previous.map((e) => ({
      kind: e.kind,
      name: e.name,
      ...(e.namespace ? { namespace: e.namespace } : {}),
    }));
  }
  const plan = finishPlan(
    { request: text, summary: summaries.join('; then '), steps: all, assumptions: ctx.assumptions, planner: 'offline' },
    namespaces,
  );
  // A question is answered, never carried out: should a yes/no question still have come out as a change, it is
  // given back as a question rather than planned.
  if (plan.risk !== 'read' && clauses.some((clause) => YES_NO_QUESTION.test(clause.trim()))) {
    return {
      kind: 'question',
      question: `That reads as a question, and a question never changes the cluster. Did you mean: "${plan.summary}"? Say it as a request to plan it.`,
      understood,
      candidates: [],
      notices: [],
    };
  }
  return { kind: 'plan', plan, notices: [] };
}

/**
 * Whether a clause only states a fact (`web-app is over-provisioned`, `the frontend pods are slow`): it opens with the
 * objects it is about and a verb of being, and asks for no change.
 */
function isContext(clause: string, frame: Frame): boolean {
  return (
    /^(?:the\s+|our\s+|my\s+)?[\w.-]+(?:\s+[\w.-]+){0,2}\s+(?:is|are|was|were|seems?|looks?|has\s+been|have\s+been|feels?)\b/i.test(
      clause.trim(),
    ) && ['get', 'list', 'unsupported', 'analyze', 'fix', 'changes', 'metrics'].includes(frame.action)
  );
}

/** The grounding of a request: the live cluster's vocabulary, its namespaces and the session's previous objects. */
async function frameContextOf(options: OfflineOptions): Promise<FrameContext> {
  const lister = cachedLister(options.gateway);
  const vocabulary = await loadVocabulary(lister);
  const namespaces = vocabulary.entities.filter((e) => e.kind === 'Namespace').map((e) => e.object);
  const previous = (options.session?.previous ?? [])
    .map((ref) =>
      vocabulary.entities.find((e) => e.kind === ref.kind && e.name === ref.name && e.namespace === ref.namespace),
    )
    .filter((e): e is Entity => e !== undefined);
  return {
    lister,
    namespaces,
    assumptions: [],
    vocabulary,
    created: [],
    ...(previous.length ? { previous } : {}),
    ...(options.namespace ? { namespace: options.namespace } : {}),
  };
}

/**
 * A "fix …" request grounded as the built-in planner grounds it (the cluster's names found in its words, `it` from
 * the session) and answered by the remediation catalogue through its port: the catalogue's plan, question or reason
 * for no safe fix; undefined when no clause asks for a repair or the catalogue has nothing for the objects named.
 * The model path asks it first, so that a repair goes through the same catalogue with or without a model.
 */
export async function planRepair(
  text: string,
  options: OfflineOptions & { repair: RepairCatalogue },
): Promise<PlanOutcome | undefined> {
  const ctx = await frameContextOf(options);
  for (const clause of splitClauses(text)) {
    const frame = parseFrame(clause, ctx.vocabulary);
    if (frame.action !== 'fix') continue;
    const fixed = await repairOf(frame, ctx, options.repair);
    if (fixed) return fixed;
  }
  return undefined;
}

/** The `metrics` outcome of a metrics question, or undefined for any other request. */
export function metricOutcome(text: string): Extract<PlanOutcome, { kind: 'metrics' }> | undefined {
  // A change that names CPU, memory or traffic (`request 250m of cpu for backend`, `deny incoming traffic in batch`)
  // is not a question about usage.
  const asks =
    /^(?:(?:hey|ok|please|can\s+you|could\s+you)\W*\s*)*(?:what|which|who|how|show|list|get|display|top|tell|give\s+me|is|are|find)\b/i.test(
      text.trim(),
    );
  if (
    !asks &&
    (/\b\d+(?:\.\d+)?\s*(?:m|mi|gi|ki|mb|gb|millicores?|cores?|cpus?)\b/i.test(text) ||
      /^\s*(?:create|make|add|deny|allow|block|permit|set|give|reserve|request|allocate|limit|cap|grant|let|restrict|isolate|deploy|run|scale|restart)\b/i.test(
        text,
      ))
  )
    return undefined;
  const metric = matchMetricQuestion(text);
  return metric ? { kind: 'metrics', metric, understood: describeMetricQuestion(metric), notices: [] } : undefined;
}
