import { z } from 'zod';

/** Page request as the API takes it (query strings are coerced): seed 003 §8.1, page size 1 to 100. */
export const PageInput = {
  page: z.coerce.number().int().min(1).default(1),
  page_size: z.coerce.number().int().min(1).max(100).default(20),
};

/** Builds the output schema of a page of `item` (seed 003 §8.1). */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    page_size: z.number().int(),
    total_pages: z.number().int(),
  });
}

/** Pages a list held in memory (used where visibility is decided per item). */
export function pageInMemory<T>(items: T[], page: number, pageSize: number) {
  return {
    items: items.slice((page - 1) * pageSize, page * pageSize),
    total: items.length,
    page,
    page_size: pageSize,
    total_pages: Math.ceil(items.length / pageSize),
  };
}

/** An object with just an id (a UUID), the input of get and remove procedures. */
export const IdInput = z.object({ id: z.uuid() });

/** A comma-separated list in a query string, or an array in a JSON body. */
export const ListParam = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? value.split(',').filter((v) => v.length > 0) : value),
    z.array(item).default([]),
  );

const YES = new Set(['true', '1', 'yes', 'on']);
const NO = new Set(['false', '0', 'no', 'off']);

/**
 * A yes/no in a query string (`true`/`false`, `1`/`0`, `yes`/`no`, `on`/`off`) or a boolean in a JSON body.
 * Not `z.coerce.boolean()`, which reads the string `false` as true.
 */
export const BoolParam = z.preprocess(
  (value) => {
    if (typeof value !== 'string') return value;
    const word = value.toLowerCase();
    if (YES.has(word)) return true;
    if (NO.has(word)) return false;
    return value;
  },
  z.boolean({ error: 'expected true or false' }),
);

/** The input of a procedure that takes none (an empty object, optional so tRPC callers may omit it). */
export const NoInput = z.object({}).optional();
