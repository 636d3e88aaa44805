import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { type ChartFile, type ChartLintMessage, type ChartRenderer, err, InputError, ok } from '@opspilot/core';
import { createHelm } from '@opspilot/kube-sim/testing';

const DUMMY_KUBECONFIG = 'apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\nusers: []\n';

/** The real helm 4 binary, run in a fresh HOME (tests only). */
export const helm = createHelm(DUMMY_KUBECONFIG);

/** Writes chart files into a fresh temporary folder named `name`; returns the folder and a cleanup. */
export function writeChart(files: readonly ChartFile[], name = 'chart'): { dir: string; cleanup(): void } {
  const root = mkdtempSync(join(tmpdir(), 'opspilot-chart-'));
  const dir = join(root, name);
  for (const file of files) {
    const path = join(dir, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
  }
  return { dir, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** Splits `helm template` output into one manifest per `# Source:` document, paths relative to the chart root. */
export function splitRendered(stdout: string): { path: string; content: string }[] {
  return stdout
    .split(/^---\s*$/m)
    .map((doc) => ({ source: /^# Source: [^/]+\/(.+)$/m.exec(doc)?.[1], content: doc.trim() }))
    .filter((d) => d.source !== undefined && d.content.includes('kind:'))
    .map((d) => ({ path: d.source!, content: `${d.content}\n` }));
}

/** A {@link ChartRenderer} over the real helm binary, for tests of charts the generators write. */
export const helmChartRenderer: ChartRenderer = {
  async lint(chart) {
    const { dir, cleanup } = writeChart(chart);
    try {
      const result = await helm(['lint', dir]);
      const messages: ChartLintMessage[] = [];
      for (const m of result.stdout.matchAll(/^\[(ERROR|WARNING|INFO)\] (?:([^:\s]+): )?(.*)$/gm)) {
        messages.push({ severity: m[1] as ChartLintMessage['severity'], path: m[2], message: m[3]! });
      }
      return ok(messages);
    } finally {
      cleanup();
    }
  },
  async template(chart, values) {
    const { dir, cleanup } = writeChart(chart);
    try {
      const valuesFile = join(dir, '..', 'override.json');
      writeFileSync(valuesFile, JSON.stringify(values ?? {}));
      const result = await helm(['template', 'release', dir, '-f', valuesFile]);
      if (result.code !== 0) return err(new InputError(result.stderr.trim(), { hint: 'fix the chart template' }));
      return ok(splitRendered(result.stdout));
    } finally {
      cleanup();
    }
  },
};
