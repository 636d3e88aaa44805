import type { PlanStep } from '@opspilot/core';
import type { Intent, ListFilter } from '../intent/intent.js';
import { isNamespaced, type KnownKind, WORKLOAD_KINDS } from '../intent/kindWords.js';
import { type Built, describeRef, failed, type PlanContext, resolveIn, steps } from './planContext.js';
import { selectorOf, workloadView } from './podTemplate.js';

type Of<A extends Intent['action']> = Extract<Intent, { action: A }>;

const INSPECTABLE: KnownKind[] = [
  ...WORKLOAD_KINDS,
  'Pod',
  'Node',
  'PersistentVolumeClaim',
  'Job',
  'CronJob',
  'HorizontalPodAutoscaler',
];

/** Logs of a pod, or of every pod of a workload (by its selector), filtered by time and a pattern. */
export async function logsSteps(intent: Of<'logs'>, ctx: PlanContext): Promise<Built> {
  const found = await resolveIn(ctx, intent.target, [...WORKLOAD_KINDS, 'Pod', 'Job']);
  if (failed(found)) return found;
  const labelSelector = found.ref.kind === 'Pod' ? undefined : selectorOf(workloadView(found.object).matchLabels);
  const what = describeRef(found.ref);
  const window = intent.sinceSeconds
    ? ` from the last ${intent.sinceSeconds / 60 >= 1 ? `${Math.round(intent.sinceSeconds / 60)} min` : `${intent.sinceSeconds} s`}`
    : '';
  const filter = intent.match ? ` matching /${intent.match}/` : '';
  const text = `Read the logs of ${what}${window}${filter}`;
  const step: PlanStep = {
    op: 'logs',
    target: found.ref,
    description: text,
    ...(labelSelector ? { labelSelector } : {}),
    ...(intent.sinceSeconds ? { sinceSeconds: intent.sinceSeconds } : {}),
    ...(intent.tailLines ? { tailLines: intent.tailLines } : {}),
    ...(intent.match ? { match: intent.match } : {}),
  };
  return steps(text, [step]);
}

const FIELD_SELECTORS: Partial<Record<ListFilter, string>> = {
  notRunning: 'status.phase!=Running,status.phase!=Succeeded',
  pending: 'status.phase=Pending',
  failed: 'status.phase=Failed',
  running: 'status.phase=Running',
};

/** Lists with selectors; "crashing" pods are a diagnosis of the namespace (restarts are not selectable). */
export function listSteps(intent: Of<'list'>, ctx: PlanContext): Built {
  const namespace = isNamespaced(intent.kind) ? (intent.namespace ?? ctx.namespace) : undefined;
  const where = namespace ? ` in namespace ${namespace}` : isNamespaced(intent.kind) ? ' in every namespace' : '';
  if (intent.filter === 'crashing') {
    const text = `Find crashing pods${where}`;
    return steps(text, [
      {
        op: 'analyze',
        ...(namespace ? { namespace } : {}),
        question: 'which pods are crashing or restarting',
        description: text,
      },
    ]);
  }
  const kind = intent.filter === 'unschedulable' ? 'Node' : intent.kind;
  const fieldSelector =
    intent.filter === 'unschedulable'
      ? 'spec.unschedulable=true'
      : intent.filter
        ? FIELD_SELECTORS[intent.filter]
        : undefined;
  const what = intent.show === 'images' ? 'container images of pods' : `${kind.toLowerCase()}s`;
  const filter = intent.filter ? ` (${intent.filter.replace(/([A-Z])/g, ' $1').toLowerCase()})` : '';
  const text = `List ${what}${filter}${where}${intent.labelSelector ? ` with labels ${intent.labelSelector}` : ''}`;
  return steps(text, [
    {
      op: 'list',
      kind,
      show: intent.show,
      description: text,
      ...(namespace ? { namespace } : {}),
      ...(intent.labelSelector ? { labelSelector: intent.labelSelector } : {}),
      ...(fieldSelector ? { fieldSelector } : {}),
    },
  ]);
}

/** `kubectl get` or `kubectl describe` of one object. */
export async function getSteps(intent: Of<'get'>, ctx: PlanContext): Promise<Built> {
  const kinds: KnownKind[] = intent.target.kind ? [] : INSPECTABLE;
  const found = await resolveIn(ctx, intent.target, kinds);
  if (failed(found)) return found;
  const what = describeRef(found.ref);
  const op = intent.describe ? 'describe' : 'get';
  const text = `${intent.describe ? 'Describe' : 'Show'} ${what}`;
  return steps(text, [{ op, target: found.ref, description: text }]);
}

/** Diagnosis of one object (status, conditions, events, its pods) or of a namespace. */
export async function analyzeSteps(intent: Of<'analyze'>, ctx: PlanContext): Promise<Built> {
  if (!intent.target) {
    const namespace = intent.namespace ?? ctx.namespace;
    const text = `Look for problems${namespace ? ` in namespace ${namespace}` : ' in every namespace'}`;
    return steps(text, [
      { op: 'analyze', ...(namespace ? { namespace } : {}), question: intent.question, description: text },
    ]);
  }
  const found = await resolveIn(ctx, intent.target, INSPECTABLE);
  if (failed(found)) return found;
  const what = describeRef(found.ref);
  const text = `Diagnose ${what}: status, conditions, events and pods`;
  return steps(text, [{ op: 'analyze', target: found.ref, question: intent.question, description: text }]);
}
