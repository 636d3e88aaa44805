import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { HADOLINT_CASES } from './anchors/hadolintCases.js';
import { KUBE_LINTER_CASES, type KubeAnchorCase, POLARIS_CASES } from './anchors/kubeAnchorCases.js';
import { validateFiles } from './validateFiles.js';

interface Rates {
  caught: number;
  mustFail: number;
  falseHits: number;
  mustPass: number;
  misses: string[];
  falses: string[];
}

async function kubeRates(cases: KubeAnchorCase[]): Promise<Rates> {
  const r: Rates = { caught: 0, mustFail: 0, falseHits: 0, mustPass: 0, misses: [], falses: [] };
  for (const [i, c] of cases.entries()) {
    const content = c.objects.map((o) => stringify(o)).join('---\n');
    const report = await validateFiles([{ path: `case-${i}/manifests.yaml`, content }]);
    const fired = report.findings.some((f) => f.rule === c.rule);
    if (c.verdict === 'fail') {
      r.mustFail++;
      if (fired) r.caught++;
      else r.misses.push(`${c.check} → ${c.rule} (case ${i})`);
    } else {
      r.mustPass++;
      if (fired) {
        r.falseHits++;
        r.falses.push(`${c.check} → ${c.rule} (case ${i})`);
      }
    }
  }
  return r;
}

const pct = (a: number, b: number) => (b === 0 ? 0 : a / b);

describe('anchor comparison: the anchors’ documented verdicts on the checks opspilot covers', () => {
  it('Polaris: at least 95 % of must-fail cases caught, at most 2 % of must-pass cases flagged', async () => {
    const r = await kubeRates(POLARIS_CASES);
    expect(r.misses).toEqual([]);
    expect(r.falses).toEqual([]);
    expect(pct(r.caught, r.mustFail)).toBeGreaterThanOrEqual(0.95);
    expect(pct(r.falseHits, r.mustPass)).toBeLessThanOrEqual(0.02);
    expect(r.mustFail).toBeGreaterThanOrEqual(25);
  });

  it('kube-linter: every covered check agrees with its documented verdict', async () => {
    const r = await kubeRates(KUBE_LINTER_CASES);
    expect(r.misses).toEqual([]);
    expect(r.falses).toEqual([]);
    expect(pct(r.caught, r.mustFail)).toBeGreaterThanOrEqual(0.95);
  });

  it('hadolint: at least 90 % of must-fail cases caught, at most 5 % of must-pass cases flagged', async () => {
    const r: Rates = { caught: 0, mustFail: 0, falseHits: 0, mustPass: 0, misses: [], falses: [] };
    for (const [i, c] of HADOLINT_CASES.entries()) {
      const report = await validateFiles([{ path: `case-${i}/Dockerfile`, content: c.dockerfile }]);
      const fired = report.findings.some((f) => f.rule === c.rule);
      if (c.verdict === 'fail') {
        r.mustFail++;
        if (fired) r.caught++;
        else r.misses.push(`${c.check} → ${c.rule}: ${c.dockerfile}`);
      } else {
        r.mustPass++;
        if (fired) {
          r.falseHits++;
          r.falses.push(`${c.check} → ${c.rule}: ${c.dockerfile}`);
        }
      }
    }
    expect(r.misses).toEqual([]);
    expect(r.falses).toEqual([]);
    expect(pct(r.caught, r.mustFail)).toBeGreaterThanOrEqual(0.9);
    expect(pct(r.falseHits, r.mustPass)).toBeLessThanOrEqual(0.05);
    expect(new Set(HADOLINT_CASES.map((c) => c.check)).size).toBeGreaterThanOrEqual(45);
  });
});
