import { z } from 'zod';
import { badRequest } from '../api/statusError.js';

const TRUE = new Set(['1', 't', 'T', 'true', 'TRUE', 'True']);
const FALSE = new Set(['0', 'f', 'F', 'false', 'FALSE', 'False']);

const bool = z
  .string()
  .refine((v) => TRUE.has(v) || FALSE.has(v), { message: 'must be true or false' })
  .transform((v) => TRUE.has(v))
  .optional();
const count = z.string().regex(/^\d+$/, { message: 'must be a non-negative integer' }).transform(Number).optional();

/**
 * Query parameters of list and watch requests.
 * @see https://kubernetes.io/docs/reference/kubernetes-api/common-parameters/common-parameters/
 */
export const ListQuery = z.object({
  labelSelector: z.string().optional(),
  fieldSelector: z.string().optional(),
  limit: count,
  continue: z.string().optional(),
  resourceVersion: z.string().optional(),
  resourceVersionMatch: z.enum(['', 'NotOlderThan', 'Exact']).optional(),
  watch: bool,
  allowWatchBookmarks: bool,
  timeoutSeconds: count,
  sendInitialEvents: bool,
  includeObject: z.enum(['None', 'Metadata', 'Object']).optional(),
});
/**
 * Parsed list and watch parameters.
 * @see https://kubernetes.io/docs/reference/kubernetes-api/common-parameters/common-parameters/
 */
export type ListQuery = z.infer<typeof ListQuery>;

/**
 * Query parameters of writes (create, update, patch, delete).
 * @see https://kubernetes.io/docs/reference/kubernetes-api/common-parameters/common-parameters/
 */
export const WriteQuery = z.object({
  dryRun: z.array(z.literal('All', { message: 'supported values: "All"' })).default([]),
  fieldManager: z.string().max(128).optional(),
  fieldValidation: z.enum(['Ignore', 'Warn', 'Strict']).optional(),
  force: bool,
  propagationPolicy: z.string().optional(),
  orphanDependents: bool,
  gracePeriodSeconds: z
    .string()
    .regex(/^-?\d+$/)
    .transform(Number)
    .optional(),
  labelSelector: z.string().optional(),
  fieldSelector: z.string().optional(),
});
/**
 * Parsed write parameters.
 * @see https://kubernetes.io/docs/reference/kubernetes-api/common-parameters/common-parameters/
 */
export type WriteQuery = z.infer<typeof WriteQuery>;

/**
 * Parses query parameters with a schema; a bad value is a 400 naming the parameter, as on a real server.
 * @see https://kubernetes.io/docs/reference/kubernetes-api/common-parameters/common-parameters/
 */
export function parseQuery<T extends z.ZodType>(schema: T, params: URLSearchParams): z.infer<T> {
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    raw[key] = key === 'dryRun' ? params.getAll(key) : (params.get(key) ?? '');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'query');
    const value = params.getAll(name).join(',');
    throw badRequest(`invalid value for query parameter ${name}: "${value}": ${issue.message}`);
  }
  return parsed.data;
}
