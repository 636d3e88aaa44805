import {
  type ClusterGateway,
  DisruptionBudgetError,
  type KubeObject,
  NotFoundError,
  type ObjectRef,
} from '@opspilot/core';

/** A write a gateway was asked to make (the injection suite asserts there are none). */
export interface RecordedWrite {
  method: 'apply' | 'patch' | 'delete' | 'evict' | 'scale' | 'rolloutRestart' | 'rolloutUndo';
  ref: ObjectRef;
}

/**
 * An in-memory {@link ClusterGateway} for tests, holding objects and per-pod log text, recording every write. Writes
 * are recorded, not carried out — except `evict`, which removes the pod unless a PodDisruptionBudget selecting it
 * allows no disruption (a `DisruptionBudgetError`, computed simply: see `allowed` below).
 */
export interface MemoryGateway extends ClusterGateway {
  writes: RecordedWrite[];
  objects: KubeObject[];
}

function matchesLabels(object: KubeObject, selector: string | undefined): boolean {
  if (!selector) return true;
  const labels = object.metadata.labels ?? {};
  return selector.split(',').every((term) => {
    const [k, v] = term.split(/!?=/);
    const negated = term.includes('!=');
    return negated ? labels[k ?? ''] !== v : labels[k ?? ''] === v;
  });
}

function fieldValue(object: KubeObject, path: string): string | undefined {
  let current: unknown = object;
  for (const part of path.split('.')) current = (current as Record<string, unknown> | undefined)?.[part];
  return current === undefined ? undefined : String(current);
}

function matchesFields(object: KubeObject, selector: string | undefined): boolean {
  if (!selector) return true;
  return selector.split(',').every((term) => {
    const negated = term.includes('!=');
    const [path, value] = term.split(/!?=/);
    const actual = fieldValue(object, path ?? '');
    return negated ? actual !== value : actual === value;
  });
}

const same = (a: ObjectRef, o: KubeObject) =>
  o.kind === a.kind &&
  o.metadata.name === a.name &&
  (a.namespace === undefined || o.metadata.namespace === a.namespace);

const isReady = (pod: KubeObject) =>
  ((pod.status as { conditions?: { type?: string; status?: string }[] } | undefined)?.conditions ?? []).some(
    (c) => c.type === 'Ready' && c.status === 'True',
  );

type Budget = KubeObject & {
  spec?: { selector?: { matchLabels?: Record<string, string> }; minAvailable?: unknown };
  status?: { disruptionsAllowed?: number };
};

const selects = (budget: Budget, pod: KubeObject) => {
  const wanted = Object.entries(budget.spec?.selector?.matchLabels ?? {});
  return wanted.length > 0 && wanted.every(([k, v]) => pod.metadata.labels?.[k] === v);
};

/** The PodDisruptionBudgets of the pod's namespace whose `matchLabels` all match the pod. */
function budgetsOf(store: KubeObject[], pod: KubeObject): Budget[] {
  return store.filter(
    (o): o is Budget =>
      o.kind === 'PodDisruptionBudget' && o.metadata.namespace === pod.metadata.namespace && selects(o as Budget, pod),
  );
}

/**
 * Disruptions a budget allows, simply: `status.disruptionsAllowed` when set, else the Ready pods it selects minus an
 * integer `minAvailable` (percentages and `maxUnavailable` are not computed: without a status they allow none).
 */
function allowed(store: KubeObject[], budget: Budget): number {
  if (budget.status?.disruptionsAllowed !== undefined) return budget.status.disruptionsAllowed;
  const minAvailable = budget.spec?.minAvailable;
  if (typeof minAvailable !== 'number') return 0;
  const healthy = store.filter(
    (p) => p.kind === 'Pod' && p.metadata.namespace === budget.metadata.namespace && selects(budget, p) && isReady(p),
  ).length;
  return healthy - minAvailable;
}

/** Builds a {@link MemoryGateway}; `logs` maps a pod name to its log text. */
export function memoryGateway(objects: KubeObject[], logs: Record<string, string> = {}): MemoryGateway {
  const store = structuredClone(objects);
  const writes: RecordedWrite[] = [];
  const write = (method: RecordedWrite['method'], ref: ObjectRef) => {
    writes.push({ method, ref });
    const found = store.find((o) => same(ref, o));
    if (!found) throw new Error(`${ref.kind} ${ref.name} not found`);
    return found;
  };
  return {
    objects: store,
    writes,
    async snapshot() {
      const grouped: Record<string, KubeObject[]> = {};
      for (const o of store) grouped[o.kind] = [...(grouped[o.kind] ?? []), o];
      return { cluster: 'memory', takenAt: '2026-01-01T00:00:00.000Z', objects: grouped, errors: [] };
    },
    async get(ref) {
      return store.find((o) => same(ref, o));
    },
    async list(kind, options = {}) {
      return store.filter(
        (o) =>
          o.kind === kind &&
          (!options.namespace || o.metadata.namespace === options.namespace) &&
          matchesLabels(o, options.labelSelector) &&
          matchesFields(o, options.fieldSelector),
      );
    },
    async watch() {},
    async apply(object) {
      writes.push({
        method: 'apply',
        ref: { kind: object.kind, name: object.metadata.name, namespace: object.metadata.namespace },
      });
      return object;
    },
    async patch(ref) {
      return write('patch', ref);
    },
    async delete(ref) {
      write('delete', ref);
    },
    async evict(ref, options = {}) {
      const pod = store.find((o) => same({ ...ref, kind: 'Pod' }, o));
      if (!pod) throw new NotFoundError(`Pod "${ref.name}" not found`);
      const budgets = budgetsOf(store, pod);
      const blocking = budgets.find((b) => allowed(store, b) <= 0);
      if (blocking) {
        const name = blocking.metadata.name;
        throw new DisruptionBudgetError(`cannot evict pod ${ref.name}: the disruption budget ${name} allows none`, {
          blocked: [{ pod: { name: ref.name, namespace: pod.metadata.namespace }, budget: name }],
          hint: `PodDisruptionBudget ${name} allows no disruption right now.`,
        });
      }
      writes.push({ method: 'evict', ref });
      if (options.dryRun) return;
      store.splice(store.indexOf(pod), 1);
      for (const b of budgets) if (b.status?.disruptionsAllowed !== undefined) b.status.disruptionsAllowed--;
    },
    async scale(ref) {
      return write('scale', ref);
    },
    async rolloutRestart(ref) {
      return write('rolloutRestart', ref);
    },
    async rolloutUndo(ref) {
      return write('rolloutUndo', ref);
    },
    async rolloutStatus() {
      return { done: true, message: 'complete', updatedReplicas: 1, availableReplicas: 1, desiredReplicas: 1 };
    },
    async logs(pod) {
      return logs[pod.name] ?? '';
    },
    async events(options = {}) {
      return store.filter(
        (o) =>
          o.kind === 'Event' &&
          (!options.namespace || o.metadata.namespace === options.namespace) &&
          (!options.involved ||
            (o as { involvedObject?: { name?: string } }).involvedObject?.name === options.involved.name),
      );
    },
    async podMetrics() {
      return [];
    },
    async nodeMetrics() {
      return [];
    },
  };
}
