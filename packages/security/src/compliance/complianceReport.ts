import { InputError } from '@opspilot/core';
import { objectRef } from '../posture/securityFinding.js';
import type { SecurityScan } from '../posture/securityScan.js';
import { FRAMEWORKS, type Framework } from './frameworks.js';

/** One control as checked: PASS, FAIL (with the findings as evidence) or NOT_APPLICABLE (no scan data). */
export interface CheckedControl {
  id: string;
  title: string;
  status: 'PASS' | 'FAIL' | 'NOT_APPLICABLE';
  evidence: string;
  remediation?: string;
}

/** A compliance report of one framework from one scan (seed 004 `compliance_reports`). */
export interface ComplianceResult {
  framework: Framework['id'];
  title: string;
  scanId: string;
  target: string;
  generatedAt: string;
  /** Share of applicable controls that pass, 0–100 (rounded). */
  score: number;
  controls: CheckedControl[];
}

/** The framework with this id (case-insensitive; `nsa`, `pci` accepted), or an InputError listing them. */
export function frameworkOf(id: string): Framework {
  const key = id.toUpperCase().replace(/[-/ ]/g, '_');
  const alias: Record<string, string> = { NSA: 'NSA_CISA', PCI: 'PCI_DSS', PCI_DSS: 'PCI_DSS', SOC_2: 'SOC2' };
  const found = FRAMEWORKS.find((f) => f.id === (alias[key] ?? key));
  if (!found)
    throw new InputError(`unknown framework ${id}`, { hint: `use one of: ${FRAMEWORKS.map((f) => f.id).join(', ')}` });
  return found;
}

/**
 * Checks a framework's controls against a posture scan: a control fails when any of its checks found something
 * (the findings are the evidence), passes otherwise. An offline or failed scan proves nothing: every control is
 * NOT_APPLICABLE and the score 0.
 */
export function complianceReport(scan: SecurityScan, framework: Framework, generatedAt: Date): ComplianceResult {
  const usable = scan.status === 'completed';
  const controls: CheckedControl[] = framework.controls.map((c) => {
    if (!usable)
      return {
        id: c.id,
        title: c.title,
        status: 'NOT_APPLICABLE',
        evidence: `scan ${scan.status}: ${scan.errors.join('; ')}`,
      };
    const failing = scan.findings.filter((f) => c.checks.includes(f.check));
    if (failing.length === 0) {
      return {
        id: c.id,
        title: c.title,
        status: 'PASS',
        evidence: `no finding of ${c.checks.join(', ')} on ${scan.objects} objects`,
      };
    }
    const shown = failing.slice(0, 5).map((f) => `${objectRef(f.object)}: ${f.message}`);
    return {
      id: c.id,
      title: c.title,
      status: 'FAIL',
      evidence: `${failing.length} finding(s): ${shown.join('; ')}${failing.length > 5 ? '; …' : ''}`,
      remediation: [...new Set(failing.map((f) => f.fix))].slice(0, 3).join('; '),
    };
  });
  const applicable = controls.filter((c) => c.status !== 'NOT_APPLICABLE');
  const score =
    usable && applicable.length > 0
      ? Math.round((100 * applicable.filter((c) => c.status === 'PASS').length) / applicable.length)
      : 0;
  return {
    framework: framework.id,
    title: framework.title,
    scanId: scan.id,
    target: scan.target,
    generatedAt: generatedAt.toISOString(),
    score,
    controls,
  };
}
