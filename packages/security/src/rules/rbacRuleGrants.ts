/** One rule of a Role or ClusterRole, read defensively. */
export interface GrantRule {
  index: number;
  apiGroups: string[];
  resources: string[];
  verbs: string[];
  resourceNames: string[];
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

/** The rules of a Role or ClusterRole. */
export function grantRules(obj: object): GrantRule[] {
  const rules = (obj as { rules?: unknown }).rules;
  return (Array.isArray(rules) ? rules : []).map((r: Record<string, unknown>, index: number) => ({
    index,
    apiGroups: strings(r?.apiGroups),
    resources: strings(r?.resources),
    verbs: strings(r?.verbs),
    resourceNames: strings(r?.resourceNames),
  }));
}

/** Whether a rule grants `verb` on `resource` (exact, or through "*"; wildcards are rbac-wildcard's finding too). */
export function grants(rule: GrantRule, verb: string, resource: string): boolean {
  return (
    (rule.verbs.includes(verb) || rule.verbs.includes('*')) &&
    (rule.resources.includes(resource) || rule.resources.includes('*'))
  );
}
