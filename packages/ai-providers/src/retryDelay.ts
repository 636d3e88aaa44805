/**
 * How long to wait before retry number `attempt` (1-based): what the server asked for in `retry-after-ms` or
 * `Retry-After` (seconds or an HTTP date), else `initialDelayMs * 2^(attempt-1)`.
 * @see https://www.rfc-editor.org/rfc/rfc9110#field.retry-after
 */
export function retryDelay(
  attempt: number,
  headers: Record<string, string> | undefined,
  policy: { initialDelayMs: number },
  now: Date,
): number {
  const asked = askedDelay(headers, now);
  if (asked !== undefined) return asked;
  return policy.initialDelayMs * 2 ** (attempt - 1);
}

function askedDelay(headers: Record<string, string> | undefined, now: Date): number | undefined {
  if (!headers) return undefined;
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  const ms = Number.parseFloat(lower['retry-after-ms'] ?? '');
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const header = lower['retry-after'];
  if (!header) return undefined;
  if (/^\d+(\.\d+)?$/.test(header.trim())) return Number.parseFloat(header) * 1_000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}
