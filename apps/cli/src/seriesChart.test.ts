import { describe, expect, it } from 'vitest';
import { renderSeriesChart, resample, sparkline } from './seriesChart.js';

const t0 = Date.parse('2026-03-01T10:00:00Z') / 1000;

describe('renderSeriesChart', () => {
  it('draws each series as a sparkline on one scale, with min, max, last, the time axis and the markers', () => {
    const flat = Array.from({ length: 12 }, (_, i) => [t0 + i * 60, '0.2'] as const);
    const spike = Array.from({ length: 12 }, (_, i) => [t0 + i * 60, i >= 8 ? '4' : '0.2'] as const);
    const text = renderSeriesChart(
      [
        { label: 'api-7d9', values: flat },
        { label: 'miner-5f', values: spike },
      ],
      { width: 12, format: (v) => `${Math.round(v * 1000)}m`, markers: [{ time: t0 + 8 * 60, label: 'detected' }] },
    );
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^SERIES\s+0m … 4000m\s+MIN\s+MAX\s+LAST$/);
    expect(lines[1]).toMatch(/^api-7d9\s+▁{12}\s+200m\s+200m\s+200m$/);
    expect(lines[2]).toMatch(/^miner-5f\s+▁{8}█{4}\s+200m\s+4000m\s+4000m$/);
    expect(lines[3]).toMatch(/10:00\s+10:11 UTC$/);
    expect(lines[4]?.trim()).toBe('^');
    expect(lines[5]).toContain('^ 10:08 detected');
  });

  it('keeps the peak of a column, leaves gaps blank and says when there is nothing to draw', () => {
    expect(
      resample(
        [
          [0, '1'],
          [0.5, '5'],
          [3, '2'],
        ],
        0,
        4,
        4,
      ),
    ).toEqual([5, undefined, undefined, 2]);
    expect(sparkline([0, undefined, 8], 0, 8)).toBe('▁ █');
    expect(renderSeriesChart([{ label: 'x', values: [] }])).toBe('(no points)\n');
  });
});
