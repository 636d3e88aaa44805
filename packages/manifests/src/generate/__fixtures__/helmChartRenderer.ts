import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ChartFile, ChartRenderer } from '@opspilot/core';
import { createHelmChartRenderer } from '@opspilot/helm';
import { createHelm, toolBinary } from '@opspilot/kube-sim/testing';

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

/** The @opspilot/helm ChartRenderer over the same real helm binary, for validating generated charts (tests only). */
export const helmChartRenderer: ChartRenderer = createHelmChartRenderer({ binary: toolBinary('helm') });
