import { describe, expect, it } from 'vitest';
import { gpuSeriesOf } from './gpuSeries.js';

const series = (Hostname: string, gpu: string, UUID: string, values: [number, string][], pod?: string) => ({
  metric: { Hostname, gpu, UUID, ...(pod ? { pod } : {}) },
  values,
});

describe('gpuSeriesOf', () => {
  it("keeps one node's GPUs, one line per GPU in index order, its holder named", () => {
    const answer = {
      results: [
        {
          data: [
            series('gpu-1', '1', 'GPU-b', [[10, '0']]),
            series('gpu-2', '0', 'GPU-x', [[10, '50']]),
            series('gpu-1', '0', 'GPU-a', [[10, '97']], 'train-0'),
          ],
        },
      ],
    };
    expect(gpuSeriesOf(answer, 'gpu-1')).toEqual([
      { label: 'GPU 0 (train-0)', values: [[10, '97']] },
      { label: 'GPU 1', values: [[10, '0']] },
    ]);
  });

  it('joins the series of a GPU whose holder changed into one line, in time order', () => {
    const answer = {
      results: [
        {
          data: [series('n', '0', 'GPU-a', [[20, '90']], 'new'), series('n', '0', 'GPU-a', [[10, '0']])],
        },
      ],
    };
    expect(gpuSeriesOf(answer, 'n')).toEqual([
      {
        label: 'GPU 0 (new)',
        values: [
          [10, '0'],
          [20, '90'],
        ],
      },
    ]);
    expect(gpuSeriesOf(undefined, 'n')).toEqual([]);
  });
});
