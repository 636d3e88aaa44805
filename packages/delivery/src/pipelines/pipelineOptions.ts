import { z } from 'zod';

/**
 * Options of a generated pipeline: where images go, how the deploy job reaches the cluster (helm with the chart
 * opspilot generated, or kubectl on the Deployments), and how long a rollout may take before it is rolled back.
 */
export const PipelineOptions = z.object({
  ci: z.enum(['github', 'gitlab']),
  /** Image repository prefix; default the CI system's registry for the project. */
  registry: z.string().min(1).optional(),
  deploy: z.enum(['helm', 'kubectl']).default('helm'),
  /** Chart folder within the project (default `charts/<project>`, as `generate helm-chart` writes it). */
  chart: z.string().min(1).optional(),
  release: z
    .string()
    .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/)
    .max(53)
    .optional(),
  namespace: z
    .string()
    .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/)
    .max(63)
    .default('default'),
  timeoutSeconds: z.number().int().min(30).max(3600).default(300),
  /** The branch that deploys (default `main`). */
  branch: z.string().min(1).default('main'),
});
export type PipelineOptions = z.input<typeof PipelineOptions>;
