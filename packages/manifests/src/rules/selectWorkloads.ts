import type { KubeObj, KubeResource } from '../kube/kubeResource.js';
import { podSpecOf, selectorMatches, WORKLOAD_KINDS } from '../kube/podSpec.js';
import { type KubeRuleContext, namespaceOf } from './kubeRule.js';

type Index = Map<string, KubeResource[]>;

function push(index: Index, key: string, r: KubeResource): void {
  const list = index.get(key);
  if (list) list.push(r);
  else index.set(key, [r]);
}

/** Workloads indexed by namespace and each pod label `key=value`, built once per run. */
function workloadsByLabel(ctx: KubeRuleContext): Index {
  return ctx.memo('workloads-by-label', () => {
    const index: Index = new Map();
    for (const kind of WORKLOAD_KINDS) {
      for (const r of ctx.byKind(kind)) {
        const labels = podSpecOf(r.obj)?.metadata.labels;
        if (typeof labels !== 'object' || labels === null) continue;
        for (const [k, v] of Object.entries(labels)) push(index, `${namespaceOf(r.obj)}\u0000${k}=${String(v)}`, r);
      }
    }
    return index;
  });
}

/** The workloads of the run, in `namespace`, whose pod labels match `selector` (a label map). */
export function workloadsSelectedBy(ctx: KubeRuleContext, namespace: string, selector: unknown): KubeResource[] {
  if (typeof selector !== 'object' || selector === null) return [];
  const first = Object.entries(selector)[0];
  if (!first) return [];
  const candidates = workloadsByLabel(ctx).get(`${namespace}\u0000${first[0]}=${String(first[1])}`) ?? [];
  return candidates.filter((r) => selectorMatches(selector, podSpecOf(r.obj)?.metadata.labels));
}

/** The PodDisruptionBudgets of the run that cover `obj`'s pods. */
export function budgetsCovering(ctx: KubeRuleContext, obj: KubeObj): KubeResource[] {
  const covered = ctx.memo('budgets-by-workload', () => {
    const index = new Map<KubeObj, KubeResource[]>();
    for (const pdb of ctx.byKind('PodDisruptionBudget')) {
      for (const w of workloadsSelectedBy(ctx, namespaceOf(pdb.obj), pdb.obj.spec?.selector?.matchLabels)) {
        index.set(w.obj, [...(index.get(w.obj) ?? []), pdb]);
      }
    }
    return index;
  });
  return covered.get(obj) ?? [];
}

/** Whether the run holds a workload of `kind` named `name` in `namespace`. */
export function hasWorkload(ctx: KubeRuleContext, namespace: string, kind: unknown, name: unknown): boolean {
  const names = ctx.memo('workload-names', () => {
    const set = new Set<string>();
    for (const k of WORKLOAD_KINDS)
      for (const r of ctx.byKind(k)) set.add(`${namespaceOf(r.obj)}/${k}/${String(r.obj.metadata?.name)}`);
    return set;
  });
  return names.has(`${namespace}/${String(kind)}/${String(name)}`);
}

/** The HorizontalPodAutoscalers of the run scaling `obj`. */
export function autoscalersOf(ctx: KubeRuleContext, obj: KubeObj): KubeResource[] {
  const index = ctx.memo('autoscalers-by-target', () => {
    const byTarget: Index = new Map();
    for (const h of ctx.byKind('HorizontalPodAutoscaler')) {
      const ref = h.obj.spec?.scaleTargetRef;
      push(byTarget, `${namespaceOf(h.obj)}/${String(ref?.kind)}/${String(ref?.name)}`, h);
    }
    return byTarget;
  });
  return index.get(`${namespaceOf(obj)}/${obj.kind}/${String(obj.metadata?.name)}`) ?? [];
}
