import { describe, expect, it } from 'vitest';
import { ageSeconds, visibleRows } from './tableRows.js';

const table = {
  columns: ['NAMESPACE', 'NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
  rows: [
    ['todo', 'backend-1', '1/1', 'Running', '0', '5m30s'],
    ['todo', 'frontend-1', '0/1', 'CrashLoopBackOff', '12 (30s ago)', '2d4h'],
    ['kube-system', 'coredns-1', '1/1', 'Running', '2', '45s'],
  ],
  refs: ['a', 'b', 'c'],
};

describe('visibleRows', () => {
  it("filters by namespace and by text in any cell, keeping each row's ref", () => {
    expect(visibleRows(table, { namespace: 'todo', text: '' }).map((r) => r.ref)).toEqual(['a', 'b']);
    expect(visibleRows(table, { namespace: '', text: 'crashloop' }).map((r) => r.ref)).toEqual(['b']);
    expect(visibleRows(table, { namespace: 'kube-system', text: 'backend' })).toEqual([]);
  });

  it('sorts ages by time and restarts by count, either way', () => {
    const byAge = visibleRows(table, { namespace: '', text: '' }, { column: 'AGE', descending: false });
    expect(byAge.map((r) => r.ref)).toEqual(['c', 'a', 'b']);
    const byRestarts = visibleRows(table, { namespace: '', text: '' }, { column: 'RESTARTS', descending: true });
    expect(byRestarts.map((r) => r.ref)).toEqual(['b', 'c', 'a']);
    const byName = visibleRows(table, { namespace: '', text: '' }, { column: 'NAME', descending: false });
    expect(byName.map((r) => r.ref)).toEqual(['a', 'c', 'b']);
  });

  it('reads kubectl ages', () => {
    expect(ageSeconds('45s')).toBe(45);
    expect(ageSeconds('5m30s')).toBe(330);
    expect(ageSeconds('2d4h')).toBe(187_200);
    expect(ageSeconds('Running')).toBeUndefined();
    expect(ageSeconds('1/1')).toBeUndefined();
  });
});
