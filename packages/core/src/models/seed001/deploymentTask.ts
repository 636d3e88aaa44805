import { z } from 'zod';
import { Uuid } from '../common.js';

/** Priority of a deployment task, P1 first (seed 001 "organized by user story and priority"). */
export const TaskPriority = z.enum(['P1', 'P2', 'P3']);
export type TaskPriority = z.infer<typeof TaskPriority>;

/** Progress of a deployment task. */
export const TaskStatus = z.enum(['PENDING', 'IN_PROGRESS', 'DONE', 'FAILED']);
export type TaskStatus = z.infer<typeof TaskStatus>;

/** A task key such as `T001`: `T` and at least three digits, as in a generated task list. */
export const TaskKey = z.string().regex(/^T\d{3,}$/, 'must be a task key such as T001');
export type TaskKey = z.infer<typeof TaskKey>;

/**
 * One step of a structured containerise-deploy-optimise sequence (seed 001 "Deployment Tasks"), with the prompt
 * given to an agent, the output expected from it and the tasks that must finish first (`depends_on`, by task key).
 */
export const DeploymentTask = z.object({
  id: Uuid,
  task_key: TaskKey,
  description: z.string().min(1),
  agent_prompt: z.string().default(''),
  expected_output: z.string().default(''),
  depends_on: z
    .array(TaskKey)
    .refine((keys) => new Set(keys).size === keys.length, 'must not list a task twice')
    .default([]),
  user_story: z.string().min(1).optional(),
  priority: TaskPriority.default('P2'),
  status: TaskStatus.default('PENDING'),
});
export type DeploymentTask = z.infer<typeof DeploymentTask>;

/** The caller-supplied part of a {@link DeploymentTask}; the store assigns the id. */
export const NewDeploymentTask = DeploymentTask.omit({ id: true });
export type NewDeploymentTask = z.input<typeof NewDeploymentTask>;
