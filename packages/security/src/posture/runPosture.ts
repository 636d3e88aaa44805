import { IGNORE_ANNOTATION, type KubeResource, kubeRuleContext, namespaceOf } from '@opspilot/manifests';
import { POSTURE_CHECKS, type PostureCheck } from './postureChecks.js';
import { CLUSTER_SCOPED, scanTargets, type TargetOptions } from './scanTargets.js';
import type { SecurityFinding } from './securityFinding.js';
import { showValue, valueAt } from './valueAt.js';

/** Options of {@link runPosture}. */
export interface PostureOptions extends TargetOptions {
  checks?: readonly PostureCheck[];
}

/** Checks of secret-holding objects whose evidence must never quote the value. */
const NO_VALUE = new Set(['secret-env-literal', 'configmap-secrets']);

/** The container (or volume) a field path is about, so rules sharing a PSS control report it once. */
function subjectOf(path: string | undefined): string {
  const m = path?.match(/^(.*?(?:containers|initContainers|volumes)\[\d+\])/);
  return m?.[1] ?? path ?? '';
}

const LEVEL_RANK = { baseline: 0, restricted: 1 } as const;
const SEVERITY_RANK = { critical: 0, high: 1, medium: 2, low: 3 } as const;

/** The result of {@link runPosture}: findings plus how many (object, check) pairs were evaluated, for scores. */
export interface PostureRun {
  findings: SecurityFinding[];
  /** Per namespace ('' for cluster-scoped): evaluated pair weight and failed pair weight. */
  weights: Map<string, { total: number; failed: number }>;
  /** Objects checked (after owner de-duplication). */
  objects: KubeResource[];
}

/**
 * Runs every posture check over a set of objects — live (from a snapshot) or read from files, the same code either
 * way — and returns one finding per problem: owned objects are left to their owner, and rules sharing a PSS control
 * on the same container keep one finding (the lowest PSS level, then the worst severity).
 */
export function runPosture(resources: KubeResource[], options: PostureOptions = {}): PostureRun {
  const checks = options.checks ?? POSTURE_CHECKS;
  const byKind = new Map<string, PostureCheck[]>();
  for (const check of checks) {
    if (check.rule.appliesTo === 'Dockerfile') continue;
    for (const kind of check.rule.appliesTo) byKind.set(kind, [...(byKind.get(kind) ?? []), check]);
  }
  const ctx = kubeRuleContext(resources);
  const kept = new Map<string, SecurityFinding>();
  const weights = new Map<string, { total: number; failed: number }>();
  const objects: KubeResource[] = [];
  const WEIGHT = { critical: 10, high: 5, medium: 2, low: 1 };
  for (const r of scanTargets(resources, options)) {
    const applicable = byKind.get(r.obj.kind);
    if (!applicable) continue;
    const scoped = CLUSTER_SCOPED.has(r.obj.kind);
    const ns = scoped ? '' : namespaceOf(r.obj);
    objects.push(r);
    const ignored = new Set(String(r.obj.metadata?.annotations?.[IGNORE_ANNOTATION] ?? '').split(/[\s,]+/));
    const w = weights.get(ns) ?? { total: 0, failed: 0 };
    weights.set(ns, w);
    const name = String(r.obj.metadata?.name ?? '(unnamed)');
    const object = scoped ? { kind: r.obj.kind, name } : { kind: r.obj.kind, namespace: ns, name };
    for (const check of applicable) {
      w.total += WEIGHT[check.severity];
      if (ignored.has(check.rule.id)) continue;
      const violations = check.rule.check(r.obj, ctx);
      if (violations.length === 0) continue;
      w.failed += WEIGHT[check.severity];
      for (const v of violations) {
        const evidence = [`${r.file.startsWith('cluster:') ? '' : `${r.file}: `}${v.path ?? '(object)'}`];
        if (v.path && !NO_VALUE.has(check.rule.id)) evidence.push(`found: ${showValue(valueAt(r.obj, v.path))}`);
        const finding: SecurityFinding = {
          id: `${check.rule.id}:${r.ref}:${v.path ?? ''}`,
          check: check.rule.id,
          category: check.category,
          severity: check.severity,
          object,
          message: v.message,
          evidence,
          fix: v.fix ?? check.rule.description,
          ...(check.pss ? { pss: check.pss } : {}),
          source: r.file,
        };
        const dedupe = check.pss ? `${r.ref}\u0000${check.pss.control}\u0000${subjectOf(v.path)}` : finding.id;
        const earlier = kept.get(dedupe);
        if (!earlier || better(finding, earlier)) kept.set(dedupe, finding);
      }
    }
  }
  return { findings: [...kept.values()], weights, objects };
}

function better(a: SecurityFinding, b: SecurityFinding): boolean {
  if (a.pss && b.pss && a.pss.level !== b.pss.level) return LEVEL_RANK[a.pss.level] < LEVEL_RANK[b.pss.level];
  return SEVERITY_RANK[a.severity] < SEVERITY_RANK[b.severity];
}
