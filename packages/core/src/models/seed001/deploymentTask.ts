import { z } from 'zod';
import { Uuid } from '../common.js';

/** Priority of a deployment task. */
export const TaskPriority = z.enum(['P1', 'P2', 'P3']);
/** Progress of a deployment task. */
export const TaskStatus = z.enum(['PENDING', 'IN_PROGRESS', 'DONE', 'FAILED']);

/**
 * One step of a structured containerise-deploy-optimise sequence (seed 001 "Deployment Tasks"), with the prompt
 * given to an agent, the expected output and the tasks it depends on.
 */
export const DeploymentTask = z.object({
  id: Uuid,
  task_key: z.string().regex(/^T\d{3,}$/, 'must look like T001'),
  description: z.string().min(1),
  agent_prompt: z.string().default(''),
  expected_output: z.string().default(''),
  depends_on: z.array(z.string().regex(/^T\d{3,}$/)).default([]),
  user_story: z.string().optional(),
  priority: TaskPriority.default('P2'),
  status: TaskStatus.default('PENDING'),
});
export type DeploymentTask = z.infer<typeof DeploymentTask>;

/** The caller-supplied part of a {@link DeploymentTask}. */
export const NewDeploymentTask = DeploymentTask.omit({ id: true });
export type NewDeploymentTask = z.input<typeof NewDeploymentTask>;
