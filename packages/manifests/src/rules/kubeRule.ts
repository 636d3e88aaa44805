import type { Rule, RuleCategory, ValidationSeverity, Violation } from '@opspilot/core';
import type { KubeObj, KubeResource } from '../kube/kubeResource.js';
import type { OpenApiSchema } from '../kube/openApiCheck.js';

/** The schemas of custom resources known to a run (from CRDs in the input or a schema folder). */
export interface CustomSchemas {
  /** The schema of a custom resource's apiVersion and kind, when a CRD or schema file defines it. */
  lookup(apiVersion: string, kind: string): OpenApiSchema | undefined;
  /** For an apiVersion/kind with no schema in a group some CRD defines: what the CRDs offer instead. */
  suggest(apiVersion: string, kind: string): string | undefined;
}

/**
 * What a Kubernetes rule sees besides its object: the objects of the same input root (one folder, one chart, one
 * kustomization) of the run, so cross-object rules never match objects that are not deployed together.
 */
export interface KubeRuleContext {
  resources: KubeResource[];
  /** Custom resource schemas, when the input holds CRDs or a schema folder was given. */
  schemas?: CustomSchemas;
  /** The Kubernetes version the input is validated for (`--kube-version`, e.g. `1.24`); unset: the newest. */
  kubeVersion?: string;
  /** The objects of one kind. */
  byKind(kind: string): KubeResource[];
  /** The objects of one kind in one namespace (`default` for objects without one). */
  inNamespace(kind: string, namespace: string): KubeResource[];
  /** The objects with a pod template (Deployments, StatefulSets, ...) in one namespace. */
  workloadsIn(namespace: string): KubeResource[];
  /** Builds a value once per run (an index over the resources) and returns it on later calls with the same key. */
  memo<T>(key: string, build: () => T): T;
}

/** A validator rule over one Kubernetes object. */
export type KubeRule = Rule<KubeObj, KubeRuleContext>;

/** A problem a rule reports; the rule fills in its id and default severity. */
export interface Problem {
  message: string;
  path?: string;
  fix?: string;
  severity?: ValidationSeverity;
}

/** The definition of a Kubernetes rule in the short form {@link kubeRule} accepts. */
export interface KubeRuleDefinition {
  id: string;
  appliesTo: string[];
  category: RuleCategory;
  severity: ValidationSeverity;
  description: string;
  /** The fix shown when a problem names none. */
  fix: string;
  check(obj: KubeObj, ctx: KubeRuleContext): Problem[];
}

/**
 * Declares a Kubernetes validator rule as core's `defineRule` would, turning the {@link Problem}s its check returns
 * into violations carrying the rule id, the default severity and a fix.
 * @example
 * export const podHostNetwork = kubeRule({ id: 'pod-host-network', appliesTo: WORKLOAD_KINDS, category: 'security',
 *   severity: 'ERROR', description: '...', fix: 'remove hostNetwork', check: (obj) => [...] });
 */
export function kubeRule(definition: KubeRuleDefinition): KubeRule {
  const { fix, check, ...rest } = definition;
  // Not through core's `defineRule`: its zod check of ~180 definitions cost every `opspilot validate` ~10 ms at
  // start; ruleDefinitions.test.ts runs that check over every built-in rule instead.
  return {
    ...rest,
    check(obj, ctx): Violation[] {
      return check(obj, ctx).map((p) => ({
        rule: definition.id,
        severity: p.severity ?? definition.severity,
        message: p.message,
        path: p.path,
        fix: p.fix ?? fix,
      }));
    },
  };
}

/** Builds the {@link KubeRuleContext} over the objects of one run (indexing them by kind once). */
export function kubeRuleContext(
  resources: KubeResource[],
  schemas?: CustomSchemas,
  kubeVersion?: string,
): KubeRuleContext {
  const index = new Map<string, KubeResource[]>();
  const add = (key: string, r: KubeResource) => {
    const list = index.get(key);
    if (list) list.push(r);
    else index.set(key, [r]);
  };
  for (const r of resources) {
    const ns = namespaceOf(r.obj);
    add(r.obj.kind, r);
    add(`${r.obj.kind}\u0000${ns}`, r);
    if (r.obj.spec?.template || r.obj.kind === 'Pod' || r.obj.kind === 'CronJob') add(`\u0001${ns}`, r);
  }
  const memos = new Map<string, unknown>();
  return {
    resources,
    schemas,
    kubeVersion,
    memo<T>(key: string, build: () => T): T {
      if (!memos.has(key)) memos.set(key, build());
      return memos.get(key) as T;
    },
    byKind: (kind) => index.get(kind) ?? [],
    inNamespace: (kind, namespace) => index.get(`${kind}\u0000${namespace}`) ?? [],
    workloadsIn: (namespace) => index.get(`\u0001${namespace}`) ?? [],
  };
}

/** The namespace an object lives in for matching (`default` when unset). */
export function namespaceOf(obj: KubeObj): string {
  const ns = obj.metadata?.namespace;
  return typeof ns === 'string' && ns !== '' ? ns : 'default';
}
