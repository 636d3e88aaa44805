import { z } from 'zod';

/**
 * States of a generated configuration (seed 000 "State Transitions"), UPPER_SNAKE.
 * @see GENERATED_CONFIG_TRANSITIONS for the legal moves between them.
 */
export const GeneratedConfigState = z.enum([
  'GENERATED',
  'VALIDATION',
  'NEEDS_REVIEW',
  'APPROVED',
  'APPLIED',
  'INVALID',
  'REJECTED',
  'NEEDS_CHANGES',
  'REVISED',
  'REVIEW_AGAIN',
]);
export type GeneratedConfigState = z.infer<typeof GeneratedConfigState>;
