import { describe, expect, it } from 'vitest';
import { NewReview, Review } from './review.js';

const id = '6f1c2a4e-8d3b-4c7a-9e5f-1a2b3c4d5e6f';
const review = {
  review_id: id,
  generated_config_id: id,
  reviewer_id: 'bob',
  review_timestamp: '2026-01-01T00:00:00.000Z',
  approval_status: 'APPROVED',
};

describe('Review', () => {
  it('accepts a review and records it as not applied by default', () => {
    expect(Review.parse(review)).toMatchObject({ applied_to_production: false, feedback_notes: '' });
  });

  it('requires a known UPPER_SNAKE decision', () => {
    expect(Review.safeParse({ ...review, approval_status: 'MAYBE' }).success).toBe(false);
    expect(Review.safeParse({ ...review, approval_status: 'needs_changes' }).success).toBe(false);
    expect(Review.safeParse({ ...review, approval_status: 'NEEDS_CHANGES' }).success).toBe(true);
  });

  it('requires a reviewer and a configuration id', () => {
    expect(Review.safeParse({ ...review, reviewer_id: '' }).success).toBe(false);
    expect(Review.safeParse({ ...review, generated_config_id: 'cfg-1' }).success).toBe(false);
  });

  it('lets a caller create a review without id and timestamp', () => {
    const { review_id: _id, review_timestamp: _t, ...fields } = review;
    expect(NewReview.safeParse(fields).success).toBe(true);
  });
});
