import { z } from 'zod';

/**
 * How bad an incident is (seed 004 `incidents.severity`, written lowercase there). Also the scale of security
 * policy rules, so one dashboard filter covers both.
 */
export const Severity = z.enum(['CRITICAL', 'HIGH', 'MEDIUM', 'LOW']);
export type Severity = z.infer<typeof Severity>;
