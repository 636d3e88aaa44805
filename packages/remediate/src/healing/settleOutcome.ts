import { type AuditLog, formatRef, ObjectRef, PlanStep } from '@opspilot/core';
import { z } from 'zod';
import type { SettleSubject } from '../createRemediator.js';

/** The fix a healing action carries (`result.fix`), as recorded when it was proposed: what proves it, how it is undone. */
export const ActionFix = z.object({
  remediation: z.string().min(1),
  finding_id: z.string().min(1),
  summary: z.string().min(1),
  subject: ObjectRef,
  rollback: z.array(PlanStep).default([]),
  grants: z
    .object({
      serviceAccount: z.string(),
      accountNamespace: z.string(),
      verb: z.string(),
      resource: z.string(),
      group: z.string(),
      namespace: z.string().optional(),
    })
    .optional(),
});

/** The fix of a candidate as an action records it. */
export const fixRecord = (c: SettleSubject): z.infer<typeof ActionFix> =>
  ActionFix.parse({
    remediation: c.remediation,
    finding_id: c.finding_id,
    summary: c.summary,
    subject: c.subject,
    rollback: c.rollback,
    ...(c.grants ? { grants: c.grants } : {}),
  });

/** How the settle window of an applied fix ended (or that one is still watching it), from the audit trail. */
export type SettleState =
  | { status: 'VERIFIED' | 'ROLLED_BACK' | 'FAILED'; message: string; healthy_at?: string }
  | { status: 'VERIFYING' }
  | undefined;

const ENDS = {
  'remediation.verified': 'VERIFIED',
  'remediation.rolled_back': 'ROLLED_BACK',
  'remediation.failed': 'FAILED',
} as const;

/**
 * Where the settle of an operation's fix stands, from the newest audit entries about its subject that name the
 * operation: ended (verified, rolled back, failed), `VERIFYING` (a server watches it: `remediation.verifying` with no
 * end yet), or undefined when nobody settled it.
 */
export async function settleState(
  audit: Pick<AuditLog, 'list'>,
  operationId: string,
  fix: SettleSubject,
): Promise<SettleState> {
  const target = formatRef(fix.subject);
  let newest: { sequence: number; state: NonNullable<SettleState> } | undefined;
  for (const [action, status] of Object.entries(ENDS)) {
    const page = await audit.list({ action, target }, { page_size: 50 });
    const entry = page.items.find((e) => e.details.operation_id === operationId);
    if (!entry || (newest && newest.sequence > entry.sequence)) continue;
    const recovery = entry.details.recovery as { message?: string; healthy_at?: string } | undefined;
    newest = {
      sequence: entry.sequence,
      state: {
        status,
        message: String(entry.details.message ?? recovery?.message ?? status.toLowerCase()),
        ...(recovery?.healthy_at ? { healthy_at: recovery.healthy_at } : {}),
      },
    };
  }
  if (newest) return newest.state;
  const watching = await audit.list({ action: 'remediation.verifying', target }, { page_size: 50 });
  return watching.items.some((e) => e.details.operation_id === operationId) ? { status: 'VERIFYING' } : undefined;
}
