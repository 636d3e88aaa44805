import type { ValidationSeverity, Violation } from '@opspilot/core';
import {
  type Finding,
  IGNORE_ANNOTATION,
  type KubeResource,
  kubeRuleContext,
  type RuleInfo,
  type ValidateSettings,
  type ValidationReport,
} from '@opspilot/manifests';
import { SECURITY_RULES } from '../posture/postureChecks.js';
import { fileResources } from '../posture/toResources.js';

const SECURITY_IDS = new Set(SECURITY_RULES.map((r) => r.id));

/**
 * Rules that judge what is absent from the whole cluster (a NetworkPolicy, a Secret's user, a binding's subject) or
 * strict hardening (digests): on a handful of files they mostly report what lives elsewhere, so `opspilot validate`
 * runs them only when `validate.rules.<id>.enabled` is true. The live scan always runs them.
 */
export const OFF_ON_FILES: ReadonlySet<string> = new Set([
  'network-policy-coverage',
  'secret-unused',
  'rbac-missing-subject',
  'image-digest',
]);

/** The rules `opspilot validate` runs on top of manifests' (the posture rules this package adds), as catalogue rows. */
export function securityRuleCatalog(): RuleInfo[] {
  return SECURITY_RULES.map((r) => ({
    id: r.id,
    target: 'Kubernetes',
    category: r.category,
    severity: r.severity,
    description: r.description,
  }));
}

/**
 * Splits the `validate:` settings into what manifests' validator knows and the settings of the security rules (which
 * it would refuse as unknown ids).
 */
export function splitValidateSettings(settings: ValidateSettings | undefined): {
  manifests: ValidateSettings | undefined;
  security: NonNullable<ValidateSettings['rules']>;
} {
  const rules = Object.entries(settings?.rules ?? {});
  return {
    manifests: settings && {
      ...settings,
      rules: Object.fromEntries(rules.filter(([id]) => !SECURITY_IDS.has(id))),
    },
    security: Object.fromEntries(rules.filter(([id]) => SECURITY_IDS.has(id))),
  };
}

/**
 * Runs the security rules (the very rule objects the live posture scan runs) over manifest files as validation
 * findings located at their line, honouring `opspilot.dev/ignore` and per-rule `enabled`/`severity` settings.
 * Documents that are not YAML are left to manifests' validator, which reports them.
 */
export function securityRuleFindings(
  files: readonly { path: string; text: string }[],
  settings: NonNullable<ValidateSettings['rules']> = {},
): Finding[] {
  const resources: KubeResource[] = [];
  for (const f of files) resources.push(...fileResources(f.path, f.text).resources);
  const ctx = kubeRuleContext(resources);
  const findings: Finding[] = [];
  for (const r of resources) {
    const ignored = new Set(String(r.obj.metadata?.annotations?.[IGNORE_ANNOTATION] ?? '').split(/[\s,]+/));
    for (const rule of SECURITY_RULES) {
      if (rule.appliesTo === 'Dockerfile' || !(rule.appliesTo.includes(r.obj.kind) || rule.appliesTo.includes('*')))
        continue;
      const enabled = settings[rule.id]?.enabled ?? !OFF_ON_FILES.has(rule.id);
      if (ignored.has(rule.id) || !enabled) continue;
      let violations: Violation[];
      try {
        violations = rule.check(r.obj, ctx);
      } catch (error) {
        violations = [
          { rule: rule.id, severity: 'ERROR', message: `the rule failed on this object: ${String(error)}` },
        ];
      }
      for (const v of violations) {
        const pos = r.doc.locate(v.path);
        findings.push({
          ...v,
          severity: settings[rule.id]?.severity ?? v.severity,
          line: v.line ?? pos.line,
          column: v.column ?? pos.column,
          file: r.file,
          category: rule.category,
          resource: r.ref,
        });
      }
    }
  }
  return findings;
}

const RANK: Record<ValidationSeverity, number> = { ERROR: 0, WARNING: 1, INFO: 2 };
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A validation report with more findings added: sorted as manifests sorts them, summary and `valid` recounted. */
export function withFindings(report: ValidationReport, extra: readonly Finding[]): ValidationReport {
  const findings = [...report.findings, ...extra].sort(
    (a, b) =>
      cmp(a.file, b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      RANK[a.severity] - RANK[b.severity] ||
      cmp(a.rule, b.rule),
  );
  const count = (s: ValidationSeverity) => findings.filter((f) => f.severity === s).length;
  return {
    ...report,
    valid: count('ERROR') === 0,
    findings,
    summary: { ...report.summary, errors: count('ERROR'), warnings: count('WARNING'), infos: count('INFO') },
  };
}
