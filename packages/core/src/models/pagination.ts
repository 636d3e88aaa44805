import { z } from 'zod';

/** Page request (seed 003 §8.1): 1-based page, page size 1 to 100, default 20. */
export const PaginationParams = z.object({
  page: z.number().int().min(1).default(1),
  page_size: z.number().int().min(1).max(100).default(20),
});
export type PaginationParams = z.infer<typeof PaginationParams>;

/** Builds the schema of a page of `item` (seed 003 §8.1). */
export function paginatedResponse<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int().min(0),
    page: z.number().int().min(1),
    page_size: z.number().int().min(1).max(100),
    total_pages: z.number().int().min(0),
  });
}

/** A page of items (seed 003 §8.1). */
export interface Paginated<T> {
  items: T[];
  total: number;
  page: number;
  page_size: number;
  total_pages: number;
}

/** Assembles a {@link Paginated} from a page of items and the total count. */
export function toPage<T>(items: T[], total: number, params: PaginationParams): Paginated<T> {
  return {
    items,
    total,
    page: params.page,
    page_size: params.page_size,
    total_pages: Math.ceil(total / params.page_size),
  };
}
