import type { Clock } from '@opspilot/core';
import { type HttpPost, signPayload } from '@opspilot/incidents';

/** Where a report goes: the URL, and the secret its body is signed with (HMAC-SHA256, as incident webhooks). */
export interface ReportTarget {
  url: string;
  secret?: string;
}

/** The outcome of one delivery after its retries. */
export interface ReportDelivery {
  url: string;
  ok: boolean;
  attempts: number;
  status?: number;
  error?: string;
}

/** The JSON a receiver gets: the report's record, which sections are missing, and the rendered file (base64). */
export interface ReportPayload {
  event: 'report.generated';
  report: {
    id: string;
    title: string;
    report_type: string;
    format: string;
    created_at: string;
    time_range: { start: string; end: string };
  };
  missing_sections: string[];
  content_type: string;
  content_base64: string;
}

const retryable = (status: number) => status === 429 || status >= 500;

/**
 * POSTs a report to a webhook, signed with `X-Opspilot-Timestamp` / `X-Opspilot-Signature` when the target has a
 * secret, retrying network errors, 429 and 5xx with doubling back-off on the given clock (1 s, 2 s, 4 s by
 * default). Never throws: the outcome says whether it arrived.
 */
export async function deliverReport(
  target: ReportTarget,
  payload: ReportPayload,
  post: HttpPost,
  clock: Clock,
  options: { attempts?: number; backoffMs?: number } = {},
): Promise<ReportDelivery> {
  const attempts = options.attempts ?? 4;
  const backoff = options.backoffMs ?? 1000;
  const body = JSON.stringify(payload);
  let last: ReportDelivery = { url: target.url, ok: false, attempts: 0 };
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      'User-Agent': 'opspilot-reports',
      'X-Opspilot-Event': payload.event,
      ...(target.secret ? signPayload(target.secret, body, Math.floor(clock.now().getTime() / 1000)) : {}),
    };
    try {
      const status = await post(target.url, headers, body);
      last = { url: target.url, ok: status >= 200 && status < 300, attempts: attempt, status };
      if (last.ok || !retryable(status)) return last;
    } catch (error) {
      last = {
        url: target.url,
        ok: false,
        attempts: attempt,
        error: error instanceof Error ? error.message : String(error),
      };
    }
    if (attempt < attempts) await clock.sleep(backoff * 2 ** (attempt - 1));
  }
  return last;
}
