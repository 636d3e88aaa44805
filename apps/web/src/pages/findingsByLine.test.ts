import { describe, expect, it } from 'vitest';
import { findingsByLine } from './findingsByLine.js';

describe('findingsByLine', () => {
  const findings = [
    { file: 'a.yaml', line: 3, rule: 'x' },
    { file: 'a.yaml', line: 3, rule: 'y' },
    { file: 'a.yaml', rule: 'z' },
    { file: 'a.yaml', line: 99, rule: 'past-end' },
    { file: 'b.yaml', line: 1, rule: 'other' },
  ];

  it('groups one file by line and keeps line-less findings apart', () => {
    const { byLine, general } = findingsByLine(findings, 'a.yaml', 10);
    expect(byLine.get(3)?.map((f) => f.rule)).toEqual(['x', 'y']);
    expect(general.map((f) => f.rule)).toEqual(['z', 'past-end']);
    expect(byLine.has(1)).toBe(false);
  });
});
