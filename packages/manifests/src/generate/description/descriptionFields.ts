import { z } from 'zod';

/**
 * Everything a description can say, before it is shaped into the spec of one kind. Each field is optional; the
 * parser records which words set it (see {@link ParsedDescription.sources}) so a field that does not apply to the
 * requested kind can be reported instead of dropped.
 */
export const DescriptionFields = z.object({
  name: z.string().optional(),
  image: z.string().optional(),
  replicas: z.number().int().optional(),
  port: z.number().int().optional(),
  targetPort: z.number().int().optional(),
  memory: z.string().optional(),
  cpu: z.string().optional(),
  env: z.record(z.string(), z.string()).optional(),
  namespace: z.string().optional(),
  host: z.string().optional(),
  path: z.string().optional(),
  healthPath: z.string().optional(),
  schedule: z.string().optional(),
  minReplicas: z.number().int().optional(),
  maxReplicas: z.number().int().optional(),
  targetCpuPercent: z.number().int().optional(),
  targetMemoryPercent: z.number().int().optional(),
  minAvailable: z.union([z.number().int(), z.string()]).optional(),
  maxUnavailable: z.union([z.number().int(), z.string()]).optional(),
  serviceType: z.enum(['ClusterIP', 'NodePort', 'LoadBalancer']).optional(),
  ingressClass: z.string().optional(),
  tls: z.boolean().optional(),
  tlsSecret: z.string().optional(),
  target: z.string().optional(),
  allowFrom: z.array(z.string()).optional(),
  denyAll: z.boolean().optional(),
  command: z.array(z.string()).optional(),
  partOf: z.string().optional(),
  component: z.string().optional(),
});
export type DescriptionFields = z.infer<typeof DescriptionFields>;

/** A field of {@link DescriptionFields}. */
export type DescriptionField = keyof DescriptionFields;

/** A part of a description that produced nothing: words not understood, or a setting the kind has no use for. */
export const DescriptionIssue = z.object({
  /** The words concerned, as written. */
  text: z.string(),
  /** Why they were not used and what to write instead. */
  reason: z.string(),
});
export type DescriptionIssue = z.infer<typeof DescriptionIssue>;

/** What {@link parseDescription} understood and what it did not. */
export interface ParsedDescription {
  fields: DescriptionFields;
  /** For each field set, the words that set it. */
  sources: Partial<Record<DescriptionField, string>>;
  /** Words that matched nothing. */
  unparsed: DescriptionIssue[];
}
