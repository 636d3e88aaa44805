import { z } from 'zod';

/** An ISO 4217 currency code such as `USD` or `EUR` (seed 004 `cost_records.currency`, VARCHAR(3)). */
export const Currency = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code of three capital letters, e.g. USD');
export type Currency = z.infer<typeof Currency>;

/** The largest amount the seed's `DECIMAL(10, 4)` column holds. */
export const MAX_MONEY_AMOUNT = 999_999.9999;

/** Tolerance, in units of 0.0001, for binary floating point noise in computed amounts. */
const DECIMAL_NOISE = 1e-3;

function hasAtMostFourDecimals(amount: number): boolean {
  const scaled = amount * 10_000;
  return Math.abs(scaled - Math.round(scaled)) < DECIMAL_NOISE;
}

/**
 * An amount of money as the seed stores it (`DECIMAL(10, 4)`): not negative, at most 4 decimals and at most
 * {@link MAX_MONEY_AMOUNT}. Used for costs, savings and budgets so all of them round-trip through the store.
 */
export const MoneyAmount = z
  .number()
  .min(0, 'must not be negative')
  .max(MAX_MONEY_AMOUNT, `must not exceed ${MAX_MONEY_AMOUNT}`)
  .refine(hasAtMostFourDecimals, 'must have at most 4 decimals');
export type MoneyAmount = z.infer<typeof MoneyAmount>;
