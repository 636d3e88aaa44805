import type { ValidationSeverity } from '@opspilot/core';
import { ruleCatalog } from '../validate/ruleCatalog.js';
import type { ValidationReport } from '../validate/types.js';

const LEVEL: Record<ValidationSeverity, 'error' | 'warning' | 'note'> = {
  ERROR: 'error',
  WARNING: 'warning',
  INFO: 'note',
};

/** A SARIF 2.1.0 log (the subset opspilot writes). */
export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: {
    tool: { driver: { name: string; informationUri: string; version: string; rules: SarifRule[] } };
    results: SarifResult[];
  }[];
}

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  defaultConfiguration: { level: 'error' | 'warning' | 'note' };
  properties: { category: string; target: string };
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: 'error' | 'warning' | 'note';
  message: { text: string };
  locations: {
    physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } };
    logicalLocations?: { fullyQualifiedName: string; kind: string }[];
  }[];
  properties: { category: string; fix?: string; path?: string };
}

function camel(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
}

/**
 * Converts a report to SARIF 2.1.0 for code-scanning tools (GitHub code scanning, GitLab, IDEs): one run, the
 * full rule catalogue as `tool.driver.rules`, one result per finding located by file URI, line and column.
 * @see https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
 */
export function toSarif(report: ValidationReport, version = '0.1.0'): SarifLog {
  const catalog = ruleCatalog();
  const index = new Map(catalog.map((r, i) => [r.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'opspilot',
            informationUri: 'https://github.com/opspilot/opspilot/tree/main/packages/manifests',
            version,
            rules: catalog.map((r) => ({
              id: r.id,
              name: camel(r.id),
              shortDescription: { text: r.description },
              defaultConfiguration: { level: LEVEL[r.severity] },
              properties: { category: r.category, target: r.target },
            })),
          },
        },
        results: report.findings.map((f) => ({
          ruleId: f.rule,
          ruleIndex: index.get(f.rule) ?? -1,
          level: LEVEL[f.severity],
          message: { text: f.fix ? `${f.message}. Fix: ${f.fix}` : f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeURI(f.file.replace(/^\.\//, '')) },
                region: { startLine: f.line ?? 1, startColumn: f.column ?? 1 },
              },
              ...(f.resource ? { logicalLocations: [{ fullyQualifiedName: f.resource, kind: 'object' }] } : {}),
            },
          ],
          properties: { category: f.category, ...(f.fix ? { fix: f.fix } : {}), ...(f.path ? { path: f.path } : {}) },
        })),
      },
    ],
  };
}
