import { describe, expect, it } from 'vitest';
import { isEmptySelector, matchesSelector, selectorText } from './labelSelector.js';

describe('matchesSelector', () => {
  const labels = { app: 'web', tier: 'front' };

  it('treats a plain map as matchLabels', () => {
    expect(matchesSelector(labels, { app: 'web' })).toBe(true);
    expect(matchesSelector(labels, { app: 'api' })).toBe(false);
    expect(matchesSelector(undefined, { app: 'web' })).toBe(false);
  });

  it('evaluates every expression operator', () => {
    const expr = (operator: string, values?: string[]) => ({ matchExpressions: [{ key: 'tier', operator, values }] });
    expect(matchesSelector(labels, expr('In', ['front', 'back']))).toBe(true);
    expect(matchesSelector(labels, expr('In', ['back']))).toBe(false);
    expect(matchesSelector(labels, expr('NotIn', ['back']))).toBe(true);
    expect(matchesSelector(labels, expr('NotIn', ['front']))).toBe(false);
    expect(matchesSelector(labels, expr('Exists'))).toBe(true);
    expect(matchesSelector({}, expr('Exists'))).toBe(false);
    expect(matchesSelector(labels, expr('DoesNotExist'))).toBe(false);
    expect(matchesSelector(labels, expr('Bogus'))).toBe(false);
  });

  it('prints and recognises empty selectors', () => {
    expect(isEmptySelector({})).toBe(true);
    expect(isEmptySelector({ matchLabels: {} })).toBe(true);
    expect(isEmptySelector({ app: 'x' })).toBe(false);
    expect(
      selectorText({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'x', operator: 'In', values: ['a'] }] }),
    ).toBe('app=web,x in (a)');
  });
});
