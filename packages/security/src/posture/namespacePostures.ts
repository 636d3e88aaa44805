import type { KubeResource } from '@opspilot/manifests';
import type { PostureRun } from './runPosture.js';
import { objectRef, type PssLevel } from './securityFinding.js';
import type { NamespacePosture } from './securityScan.js';

const ENFORCE = 'pod-security.kubernetes.io/enforce';

/** A 0–100 score from evaluated and failed weights (100 when nothing was evaluated). */
export function scoreOf(w: { total: number; failed: number } | undefined): number {
  if (!w || w.total === 0) return 100;
  return Math.round((1000 * (w.total - w.failed)) / w.total) / 10;
}

/** The PSS level, enforced label, what enforcing would break and the score of every namespace of a run. */
export function namespacePostures(run: PostureRun, namespaceObjects: KubeResource[]): NamespacePosture[] {
  const names = new Set<string>();
  for (const ns of run.weights.keys()) if (ns !== '') names.add(ns);
  const enforced = new Map<string, PssLevel>();
  for (const r of namespaceObjects) {
    const name = String(r.obj.metadata?.name);
    const level = r.obj.metadata?.labels?.[ENFORCE];
    if (level === 'privileged' || level === 'baseline' || level === 'restricted') enforced.set(name, level);
  }
  return [...names].sort().map((namespace) => {
    const mine = run.findings.filter((f) => f.object.namespace === namespace);
    const broken = (levels: string[]) => {
      const byObject = new Map<string, Set<string>>();
      for (const f of mine) {
        if (!f.pss || !levels.includes(f.pss.level)) continue;
        const ref = objectRef(f.object);
        byObject.set(ref, (byObject.get(ref) ?? new Set()).add(f.pss.control));
      }
      return [...byObject].sort().map(([object, controls]) => ({ object, controls: [...controls].sort() }));
    };
    const baseline = broken(['baseline']);
    const restricted = broken(['baseline', 'restricted']);
    const level: PssLevel = baseline.length > 0 ? 'privileged' : restricted.length > 0 ? 'baseline' : 'restricted';
    const e = enforced.get(namespace);
    return {
      namespace,
      level,
      ...(e ? { enforced: e } : {}),
      wouldBreak: { baseline, restricted },
      score: scoreOf(run.weights.get(namespace)),
      findings: mine.length,
    };
  });
}
