import { z } from 'zod';
import { Timestamp, Uuid } from '../common.js';

/** Decision of a reviewer (seed 000 `approval_status`). */
export const ReviewStatus = z.enum(['APPROVED', 'REJECTED', 'NEEDS_CHANGES']);
export type ReviewStatus = z.infer<typeof ReviewStatus>;

/** A person's review of a generated configuration (seed 000 "Review Process"). */
export const Review = z.object({
  review_id: Uuid,
  generated_config_id: Uuid,
  reviewer_id: z.string().min(1),
  review_timestamp: Timestamp,
  approval_status: ReviewStatus,
  feedback_notes: z.string().default(''),
  applied_to_production: z.boolean().default(false),
});
export type Review = z.infer<typeof Review>;

/** The caller-supplied part of a {@link Review}. */
export const NewReview = Review.omit({ review_id: true, review_timestamp: true });
export type NewReview = z.input<typeof NewReview>;
