import { z } from 'zod';
import { Timestamp, Uuid } from '../common.js';

const versionFields = {
  runbook_id: Uuid,
  /** 1 for the first save of a runbook, then one more per change. */
  version: z.number().int().min(1),
  /** The runbook's YAML as it was saved (the steps of `runbooks` are derived from it). */
  source: z.string().min(1).max(200_000),
  /** User id of whoever saved it, or `system` for the shipped runbooks. */
  created_by: z.string().min(1),
};

/**
 * One saved version of a runbook's YAML (an opspilot addition to seed 004 `runbooks`): every save keeps the text it
 * was validated from, so an execution names the exact version it ran and a change can be compared or taken back.
 */
export const RunbookVersion = z.object({ id: Uuid, ...versionFields, created_at: Timestamp });
export type RunbookVersion = z.infer<typeof RunbookVersion>;

/** What a caller supplies to record a {@link RunbookVersion}. */
export const NewRunbookVersion = z.object(versionFields);
export type NewRunbookVersion = z.input<typeof NewRunbookVersion>;
