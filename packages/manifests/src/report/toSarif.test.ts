import { describe, expect, it } from 'vitest';
import { validateFiles } from '../validate/validateFiles.js';
import { toSarif } from './toSarif.js';

/**
 * The required properties of the SARIF 2.1.0 schema (sarif-schema-2.1.0.json) on the objects opspilot writes:
 * sarifLog {version, runs}, run {tool}, tool {driver}, toolComponent {name}, reportingDescriptor {id},
 * result {message}, message {text | id}, and the enums of `version` and `level`.
 */
function sarifProblems(log: unknown): string[] {
  const problems: string[] = [];
  const need = (obj: unknown, keys: string[], where: string) => {
    if (typeof obj !== 'object' || obj === null) return problems.push(`${where} is not an object`);
    for (const k of keys) if (!(k in obj)) problems.push(`${where}.${k} is required`);
  };
  const l = log as {
    version: string;
    runs: { tool: { driver: { name: string; rules: unknown[] } }; results: unknown[] }[];
  };
  need(l, ['version', 'runs'], 'sarifLog');
  if (l.version !== '2.1.0') problems.push('version must be 2.1.0');
  for (const [i, run] of (l.runs ?? []).entries()) {
    need(run, ['tool'], `runs[${i}]`);
    need(run.tool, ['driver'], `runs[${i}].tool`);
    need(run.tool.driver, ['name'], `runs[${i}].tool.driver`);
    for (const [j, r] of (run.tool.driver.rules ?? []).entries()) need(r, ['id'], `rules[${j}]`);
    for (const [j, res] of (run.results ?? []).entries()) {
      const r = res as {
        message: { text?: string; id?: string };
        level?: string;
        locations?: unknown[];
        ruleIndex?: number;
      };
      need(r, ['message'], `results[${j}]`);
      if (!r.message?.text && !r.message?.id) problems.push(`results[${j}].message needs text or id`);
      if (r.level && !['none', 'note', 'warning', 'error'].includes(r.level)) problems.push(`results[${j}].level`);
      if ((r.ruleIndex ?? 0) < 0) problems.push(`results[${j}].ruleIndex must be >= 0`);
      for (const loc of (r.locations ?? []) as { physicalLocation?: { region?: { startLine?: number } } }[]) {
        if ((loc.physicalLocation?.region?.startLine ?? 1) < 1) problems.push(`results[${j}] startLine < 1`);
      }
    }
  }
  return problems;
}

describe('toSarif', () => {
  it('writes a SARIF 2.1.0 log with the rule catalogue and one located result per finding', async () => {
    const report = await validateFiles([
      {
        path: 'k8s/app.yaml',
        content: 'apiVersion: v1\nkind: Service\nmetadata: { name: Bad_Name }\nspec: { type: NodePort }\n',
      },
      { path: 'Dockerfile', content: 'FROM ubuntu\n' },
    ]);
    const log = toSarif(report, '1.2.3');
    expect(sarifProblems(log)).toEqual([]);
    expect(sarifProblems({ version: '2.0.0', runs: [{ tool: { driver: {} }, results: [{}] }] })).toEqual([
      'version must be 2.1.0',
      'runs[0].tool.driver.name is required',
      'results[0].message is required',
      'results[0].message needs text or id',
    ]);
    const run = log.runs[0];
    expect(run?.tool.driver).toMatchObject({ name: 'opspilot', version: '1.2.3' });
    expect(run?.results).toHaveLength(report.findings.length);
    const dns = run?.results.find((r) => r.ruleId === 'k8s-name-dns1123');
    expect(dns).toMatchObject({
      level: 'error',
      locations: [
        { physicalLocation: { artifactLocation: { uri: 'k8s/app.yaml' }, region: { startLine: 3, startColumn: 13 } } },
      ],
    });
    expect(run?.tool.driver.rules[dns?.ruleIndex ?? -1]?.id).toBe('k8s-name-dns1123');
    expect(run?.results.find((r) => r.ruleId === 'service-node-port')?.level).toBe('note');
  });
});
