import { describe, expect, it } from 'vitest';
import { selectorCorrection } from './selectorCorrection.js';

describe('selectorCorrection', () => {
  it('corrects a value one typo away', () => {
    expect(selectorCorrection({ app: 'shpo', tier: 'web' }, { app: 'shop', tier: 'web' })).toEqual({
      selector: { app: 'shop', tier: 'web' },
      changed: [{ from: 'app=shpo', to: 'app=shop' }],
    });
  });
  it('corrects a key one typo away', () => {
    expect(selectorCorrection({ ap: 'shop' }, { app: 'shop' })?.selector).toEqual({ app: 'shop' });
  });
  it('finds nothing when a pair has no near label, or nothing differs', () => {
    expect(selectorCorrection({ app: 'billing' }, { app: 'cart' })).toBeUndefined();
    expect(selectorCorrection({ app: 'shop' }, { app: 'shop' })).toBeUndefined();
  });
});
