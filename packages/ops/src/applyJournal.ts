import type { KubeObject } from '@opspilot/core';

/**
 * What the applier recorded about one changing step before and after it ran, kept on the operation
 * (`details.journal`) so that whoever reconciles the operation after a crash knows which steps started, which were
 * applied and verified, and what each object looked like before (to undo it).
 */
export interface JournalEntry {
  index: number;
  /** `started`: sent, or about to be; `applied`: applied and verified. */
  phase: 'started' | 'applied';
  /** The object before the step, without status or managed fields (and without a Secret's values). */
  before?: KubeObject;
}

/** The applier's record of the step: what a crash leaves behind. */
export interface ApplierRecord {
  owner: string;
  started_at: string;
}

/**
 * The `before` kept in the journal: the object without `status` and `managedFields`; a Secret without its `data` and
 * `stringData` (they are never stored in clear), so its undo after a crash is reported as impossible.
 */
export function journalBefore(object: KubeObject | undefined): KubeObject | undefined {
  if (!object) return undefined;
  const { status: _s, ...rest } = object as KubeObject & { status?: unknown };
  const { managedFields: _m, ...metadata } = rest.metadata as KubeObject['metadata'] & { managedFields?: unknown };
  const kept: KubeObject = { ...rest, metadata };
  if (object.kind !== 'Secret') return kept;
  const { data: _d, stringData: _sd, ...secret } = kept as KubeObject & { data?: unknown; stringData?: unknown };
  return {
    ...secret,
    metadata: { ...metadata, annotations: { ...metadata.annotations, 'opspilot.io/values-not-kept': 'true' } },
  };
}

/** The journal of an operation, as stored in `details.journal`. */
export function journalOf(details: Record<string, unknown>): JournalEntry[] {
  return Array.isArray(details.journal) ? (details.journal as JournalEntry[]) : [];
}
