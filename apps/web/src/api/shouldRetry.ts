/**
 * Whether a failed query is worth another try: only server-side or network failures (5xx, 429, no status), at most
 * twice. Sign-in, permission, not-found and input errors will not change by retrying.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 2) return false;
  const status = (error as { data?: { httpStatus?: unknown } } | undefined)?.data?.httpStatus;
  return typeof status !== 'number' || status >= 500 || status === 429;
}
