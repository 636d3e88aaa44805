import { z } from 'zod';

/** Severity scale shared by incidents and vulnerabilities (seed 004). */
export const Severity = z.enum(['CRITICAL', 'HIGH', 'MEDIUM', 'LOW']);
export type Severity = z.infer<typeof Severity>;

/** Effect of an automated step: decides whether it needs review. */
export const StepEffect = z.enum(['READ', 'WRITE', 'DESTRUCTIVE']);
export type StepEffect = z.infer<typeof StepEffect>;

/** A reference to a Kubernetes object affected by something. */
export const ResourceRef = z.object({
  kind: z.string().min(1),
  namespace: z.string().optional(),
  name: z.string().min(1),
});
export type ResourceRef = z.infer<typeof ResourceRef>;
