import { describe, expect, it } from 'vitest';
import { Currency, MAX_MONEY_AMOUNT, MoneyAmount } from './money.js';

describe('MoneyAmount', () => {
  it.each([0, 12.3456, 0.1 + 0.2, MAX_MONEY_AMOUNT])('accepts %s', (amount) => {
    expect(MoneyAmount.safeParse(amount).success).toBe(true);
  });

  it.each([-0.0001, 1.23456, MAX_MONEY_AMOUNT + 0.0001, Number.NaN])('refuses %s', (amount) => {
    expect(MoneyAmount.safeParse(amount).success).toBe(false);
  });

  it('says why an amount has too many decimals', () => {
    expect(MoneyAmount.safeParse(0.00001).error?.issues[0]?.message).toBe('must have at most 4 decimals');
  });
});

describe('Currency', () => {
  it('accepts three capital letters only', () => {
    expect(Currency.safeParse('EUR').success).toBe(true);
    expect(Currency.safeParse('usd').success).toBe(false);
    expect(Currency.safeParse('US').success).toBe(false);
    expect(Currency.safeParse('USDT').success).toBe(false);
  });
});
