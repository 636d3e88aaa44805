import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { DOCKER_RULES } from '../rules/dockerRules.js';
import { KUBE_RULES } from '../rules/kubeRules.js';
import { ruleCatalog } from './ruleCatalog.js';
import { RULE_TABLE_MARKERS, ruleTableMarkdown } from './ruleTable.js';

describe('the rule catalogue', () => {
  it('has unique ids and at least 60 Kubernetes and 30 Dockerfile rules', () => {
    const ids = ruleCatalog().map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(KUBE_RULES.length).toBeGreaterThanOrEqual(60);
    expect(DOCKER_RULES.length).toBeGreaterThanOrEqual(30);
    for (const category of ['security', 'reliability', 'efficiency']) {
      expect(KUBE_RULES.some((r) => r.category === category)).toBe(true);
    }
  });

  it('is documented in README.md (regenerate: OPSPILOT_UPDATE_README=1 npx vitest run src/validate/ruleTable.test.ts)', async () => {
    const file = new URL('../../README.md', import.meta.url);
    const readme = await readFile(file, 'utf8');
    const [start, end] = RULE_TABLE_MARKERS;
    if (process.env.OPSPILOT_UPDATE_README) {
      const head = readme.slice(0, readme.indexOf(start) + start.length);
      await writeFile(file, `${head}\n${ruleTableMarkdown()}\n${readme.slice(readme.indexOf(end))}`);
      return;
    }
    const table = readme.slice(readme.indexOf(start) + start.length, readme.indexOf(end)).trim();
    // Compare cell by cell, so the README may be re-padded by the formatter.
    const cells = (md: string) =>
      md.split('\n').map((line) => line.split('|').map((cell) => cell.trim().replace(/^:?-+:?$/, '---')));
    expect(cells(table)).toEqual(cells(ruleTableMarkdown()));
  });
});
