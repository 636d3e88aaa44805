/**
 * The text to show for a failed call: the server's message plus its hint (seed 003 §8.3 bodies carry the hint in
 * `details.hint`; over tRPC they arrive as the error's `data` / `shape`).
 */
export function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const shape = (error as { shape?: { details?: { hint?: unknown }; data?: { details?: { hint?: unknown } } } }).shape;
  const hint = shape?.details?.hint ?? shape?.data?.details?.hint;
  return typeof hint === 'string' && hint.length > 0 ? `${error.message} — ${hint}` : error.message;
}

/** Whether a failed call means "not signed in" (so the page shows the sign-in form). */
export function isUnauthenticated(error: unknown): boolean {
  const data = (error as { data?: { code?: unknown; httpStatus?: unknown } } | undefined)?.data;
  return data?.code === 'UNAUTHORIZED' || data?.httpStatus === 401;
}
