import { describe, expect, it } from 'vitest';
import { scoreSeries } from './scoreSeries.js';
import { labelledCorpus, NAB_PROFILES, type NabProfileName, nabScore, nabWindows } from './testing/index.js';

describe('the detector on the generated labelled corpus (NAB scoring)', () => {
  it('scores at least 75 on the standard profile and raises nothing on healthy series', () => {
    const corpus = labelledCorpus(10, 1);
    const scored = corpus.map((s) => ({
      kind: s.kind,
      length: s.values.length,
      windows: nabWindows(s.values.length, s.anomalies),
      detections: scoreSeries(s.values, { stepSeconds: s.stepSeconds }).episodes.map((e) => e.index),
    }));
    const report = Object.fromEntries(
      (Object.keys(NAB_PROFILES) as NabProfileName[]).map((name) => [name, nabScore(scored, NAB_PROFILES[name])]),
    );
    console.log(
      `NAB on ${corpus.length} generated series: ${Object.entries(report)
        .map(([name, r]) => `${name} ${r.score.toFixed(1)} (tp ${r.tp}, fp ${r.fp}, fn ${r.fn})`)
        .join('; ')}`,
    );
    expect(report.standard!.score).toBeGreaterThanOrEqual(75);
    expect(report.reward_low_FP_rate!.score).toBeGreaterThanOrEqual(75);
    expect(report.reward_low_FN_rate!.score).toBeGreaterThanOrEqual(75);
    expect(scored.filter((s) => s.kind === 'noise').flatMap((s) => s.detections)).toEqual([]);
  });

  it('scores a detector that fires everywhere far below it', () => {
    const corpus = labelledCorpus(2, 3).map((s) => ({
      length: s.values.length,
      windows: nabWindows(s.values.length, s.anomalies),
      detections: Array.from({ length: s.values.length / 10 }, (_, i) => i * 10),
    }));
    expect(nabScore(corpus, NAB_PROFILES.standard).score).toBeLessThan(0);
  });
});
