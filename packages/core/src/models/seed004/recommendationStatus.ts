import { z } from 'zod';

/**
 * Where a suggestion from the cost optimiser or the pipeline analyser stands: OPEN until someone applies it
 * (through the review workflow) or dismisses it. Dismissed suggestions are kept so they are not proposed again.
 */
export const RecommendationStatus = z.enum(['OPEN', 'APPLIED', 'DISMISSED']);
export type RecommendationStatus = z.infer<typeof RecommendationStatus>;
