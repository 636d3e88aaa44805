import type { Violation } from '@opspilot/core';
import { isKubeObj, type KubeResource, refOfObj } from '../kube/kubeResource.js';
import { type CustomSchemas, type KubeRule, kubeRuleContext } from '../rules/kubeRule.js';
import { KUBE_RULES } from '../rules/kubeRules.js';
import type { YamlDoc } from '../yaml/parseYamlFile.js';
import type { ResolvedSettings } from './ruleSettings.js';
import type { Finding } from './types.js';

/** The annotation listing rules to skip for one object: `opspilot.dev/ignore: rule-a,rule-b`. */
export const IGNORE_ANNOTATION = 'opspilot.dev/ignore';

/** A YAML document of one file that may be a Kubernetes object. */
export interface ManifestDoc {
  file: string;
  doc: YamlDoc;
  /** The input root the object is deployed with (its folder, chart or kustomization); cross-object rules stay in it. */
  scope?: string;
}

const RULES_BY_KIND = new Map<string, KubeRule[]>();

/** The rules that apply to a kind: those naming it plus those for every kind (`*`), computed once per kind. */
function rulesFor(kind: string): KubeRule[] {
  let rules = RULES_BY_KIND.get(kind);
  if (!rules) {
    rules = KUBE_RULES.filter(
      (r) => r.appliesTo !== 'Dockerfile' && (r.appliesTo.includes('*') || r.appliesTo.includes(kind)),
    );
    RULES_BY_KIND.set(kind, rules);
  }
  return rules;
}

function ignoredBy(resource: KubeResource): Set<string> {
  const value = resource.obj.metadata?.annotations?.[IGNORE_ANNOTATION];
  return new Set(typeof value === 'string' ? value.split(/[\s,]+/).filter(Boolean) : []);
}

/** Expands `kind: List` documents into their items. */
function objectsOf(doc: ManifestDoc): unknown[] {
  const v = doc.doc.value as { kind?: unknown; items?: unknown };
  if (
    typeof v === 'object' &&
    v !== null &&
    typeof v.kind === 'string' &&
    v.kind.endsWith('List') &&
    Array.isArray(v.items)
  ) {
    return v.items;
  }
  return [v];
}

/**
 * Runs every Kubernetes rule over the objects of all documents at once (cross-object rules see the whole input),
 * applying per-object ignore annotations and the settings. Rules are indexed by kind so each object meets only
 * the rules that apply to it.
 */
export function checkManifests(
  docs: ManifestDoc[],
  settings: ResolvedSettings,
  schemas?: CustomSchemas,
  kubeVersion?: string,
): { findings: Finding[]; resources: number } {
  const findings: Finding[] = [];
  const resources: KubeResource[] = [];
  const scopes = new Map<KubeResource, string>();
  const byFile = new Map<string, ManifestDoc[]>();
  for (const d of docs) {
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  for (const [file, fileDocs] of byFile) {
    const objects = fileDocs.flatMap((d) => objectsOf(d).map((value) => ({ d, value })));
    const anyKube = objects.some(({ value }) => isKubeObj(value));
    for (const { d, value } of objects) {
      if (isKubeObj(value)) {
        const r = { file, doc: d.doc, obj: value, ref: refOfObj(value) };
        resources.push(r);
        scopes.set(r, d.scope ?? file);
      } else if (anyKube && settings.enabled('k8s-missing-type', file)) {
        findings.push({
          rule: 'k8s-missing-type',
          severity: settings.severity('k8s-missing-type', 'WARNING'),
          message: 'the document has no apiVersion and kind, so it is not a Kubernetes object',
          fix: 'add apiVersion and kind, or move the document out of the manifest file',
          file,
          category: 'input',
          ...d.doc.start,
        });
      }
    }
  }
  const byScope = new Map<string, KubeResource[]>();
  for (const r of resources) {
    const scope = scopes.get(r) ?? '';
    const list = byScope.get(scope);
    if (list) list.push(r);
    else byScope.set(scope, [r]);
  }
  const contexts = new Map([...byScope].map(([scope, rs]) => [scope, kubeRuleContext(rs, schemas, kubeVersion)]));
  for (const r of resources) {
    const ctx = contexts.get(scopes.get(r) ?? '') ?? kubeRuleContext([r], schemas, kubeVersion);
    const ignored = ignoredBy(r);
    for (const rule of rulesFor(r.obj.kind)) {
      if (ignored.has(rule.id) || !settings.enabled(rule.id, r.file)) continue;
      let violations: Violation[];
      try {
        violations = rule.check(r.obj, ctx);
      } catch (error) {
        violations = [
          {
            rule: rule.id,
            severity: 'ERROR',
            message: `the rule failed on this object: ${String((error as Error)?.message ?? error)}`,
          },
        ];
      }
      for (const v of violations) {
        const pos = r.doc.locate(v.path);
        findings.push({
          ...v,
          severity: settings.severity(rule.id, v.severity),
          line: v.line ?? pos.line,
          column: v.column ?? pos.column,
          file: r.file,
          category: rule.category,
          resource: r.ref,
        });
      }
    }
  }
  return { findings, resources: resources.length };
}
