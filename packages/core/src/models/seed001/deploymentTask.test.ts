import { describe, expect, it } from 'vitest';
import { DeploymentTask, NewDeploymentTask } from './deploymentTask.js';

const task = {
  id: '6f1c2a4e-8d3b-4c7a-9e5f-1a2b3c4d5e6f',
  task_key: 'T002',
  description: 'containerise the backend',
  depends_on: ['T001'],
};

describe('DeploymentTask', () => {
  it('starts PENDING at priority P2', () => {
    expect(DeploymentTask.parse(task)).toMatchObject({ status: 'PENDING', priority: 'P2', agent_prompt: '' });
  });

  it('checks the task key and the keys it depends on', () => {
    expect(DeploymentTask.safeParse({ ...task, task_key: '2' }).success).toBe(false);
    expect(DeploymentTask.safeParse({ ...task, task_key: 'T01' }).success).toBe(false);
    expect(DeploymentTask.safeParse({ ...task, task_key: 'T1024' }).success).toBe(true);
    expect(DeploymentTask.safeParse({ ...task, depends_on: ['first'] }).success).toBe(false);
    expect(DeploymentTask.safeParse({ ...task, depends_on: ['T001', 'T001'] }).success).toBe(false);
  });

  it('refuses an unknown priority or status', () => {
    expect(DeploymentTask.safeParse({ ...task, priority: 'P4' }).success).toBe(false);
    expect(DeploymentTask.safeParse({ ...task, status: 'done' }).success).toBe(false);
    expect(DeploymentTask.safeParse({ ...task, status: 'IN_PROGRESS', priority: 'P1' }).success).toBe(true);
  });

  it('lets a caller create a task without an id but not without a description', () => {
    const { id: _id, ...fields } = task;
    expect(NewDeploymentTask.safeParse(fields).success).toBe(true);
    expect(NewDeploymentTask.safeParse({ ...fields, description: '' }).success).toBe(false);
  });
});
