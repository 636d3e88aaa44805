import type { PolicyViolation } from '../policies/securityPolicy.js';
import { POSTURE_CHECKS } from '../posture/postureChecks.js';
import { objectRef, type SecurityFinding } from '../posture/securityFinding.js';

const LEVEL = { critical: 'error', high: 'error', medium: 'warning', low: 'note' } as const;

/** A SARIF 2.1.0 log (the fields opspilot writes). */
export interface SecuritySarif {
  version: '2.1.0';
  $schema: string;
  runs: unknown[];
}

function location(source: string, ref: string) {
  const logical = [{ fullyQualifiedName: ref, kind: 'resource' }];
  return source.startsWith('cluster:')
    ? { logicalLocations: logical }
    : { physicalLocation: { artifactLocation: { uri: source } }, logicalLocations: logical };
}

/**
 * Findings of a posture scan as SARIF 2.1.0 for CI code scanning: one rule per check, one result per finding, located
 * in its file (file scans) or by object (live scans).
 * @see https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
 */
export function findingsToSarif(findings: SecurityFinding[], version: string): SecuritySarif {
  const used = new Set(findings.map((f) => f.check));
  const rules = POSTURE_CHECKS.filter((c) => used.has(c.rule.id)).map((c) => ({
    id: c.rule.id,
    shortDescription: { text: c.rule.description },
    properties: { category: c.category, severity: c.severity, ...(c.pss ? { pss: c.pss } : {}) },
  }));
  return {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: { driver: { name: 'opspilot-security', version, informationUri: 'https://github.com/opspilot', rules } },
        results: findings.map((f) => ({
          ruleId: f.check,
          level: LEVEL[f.severity],
          message: { text: `${objectRef(f.object)}: ${f.message}. Fix: ${f.fix}` },
          locations: [location(f.source, objectRef(f.object))],
          partialFingerprints: { opspilotFinding: f.id },
        })),
      },
    ],
  };
}

/** Policy violations as SARIF 2.1.0: one rule per policy. */
export function violationsToSarif(violations: PolicyViolation[], version: string, source = 'cluster:'): SecuritySarif {
  const policies = [...new Set(violations.map((v) => v.policy))];
  return {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {
          driver: {
            name: 'opspilot-policy',
            version,
            rules: policies.map((p) => ({ id: p, shortDescription: { text: p } })),
          },
        },
        results: violations.map((v) => {
          const ref = v.namespace ? `${v.kind}/${v.namespace}/${v.name}` : `${v.kind}/${v.name}`;
          return {
            ruleId: v.policy,
            level: 'error',
            message: { text: `VIOLATING: ${ref} — ${v.reasons.join('; ')}` },
            locations: [location(source, ref)],
          };
        }),
      },
    ],
  };
}
