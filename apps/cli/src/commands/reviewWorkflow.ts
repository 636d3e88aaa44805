import type { ReviewStatus } from '@opspilot/core';
import type { Actor, Store } from '@opspilot/store';

// The storing and transition logic is shared with the server: it lives in @opspilot/store.
export {
  type Actor,
  auditActionOf,
  GENERATOR_TOOL,
  type StoredConfig,
  storeGenerated,
  toValidationResult,
  transitionAudited,
} from '@opspilot/store';

/**
 * Records a reviewer's decision (seed 000 Review Process). A configuration has at most one review, so a later
 * decision (after a revision) updates it: reviewer, status, notes and time are those of the latest decision; the
 * audit log keeps every one.
 */
export async function recordReview(store: Store, id: string, status: ReviewStatus, actor: Actor): Promise<void> {
  const existing = (await store.reviews.list({ generated_config_id: id }, { page: 1, page_size: 1 })).items[0];
  const decision = { reviewer_id: actor.user, approval_status: status, feedback_notes: actor.notes ?? '' };
  if (existing) {
    await store.reviews.update(existing.review_id, { ...decision, review_timestamp: new Date().toISOString() });
    return;
  }
  await store.reviews.create({ generated_config_id: id, ...decision });
}
