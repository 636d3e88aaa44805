import { describe, expect, it } from 'vitest';
import { AiToolConfig } from './aiToolConfig.js';
import { DeploymentTask } from './deploymentTask.js';
import { DockerImage } from './dockerImage.js';
import { HelmChart } from './helmChart.js';
import { KubernetesResource } from './kubernetesResource.js';

const id = '6f1c2a4e-8d3b-4c7a-9e5f-1a2b3c4d5e6f';

describe('seed 001 entities', () => {
  it('validates image names and tags', () => {
    const image = { id, name: 'ghcr.io/acme/api', tag: '1.4.0', base_image: 'node:20-alpine' };
    expect(DockerImage.parse(image).dependencies).toEqual([]);
    expect(DockerImage.safeParse({ ...image, name: 'Ghcr.io/Acme' }).success).toBe(false);
    expect(DockerImage.safeParse({ ...image, tag: '-bad' }).success).toBe(false);
  });

  it('requires a DNS label chart name and a semantic version', () => {
    const chart = { id, name: 'todo', version: '0.1.0' };
    expect(HelmChart.parse(chart).values).toEqual({});
    expect(HelmChart.safeParse({ ...chart, version: '1.0' }).success).toBe(false);
    expect(HelmChart.safeParse({ ...chart, name: 'Todo_App' }).success).toBe(false);
  });

  it('validates Kubernetes names, kinds and apiVersions', () => {
    const res = { id, kind: 'Deployment', api_version: 'apps/v1', name: 'backend', namespace: 'todo' };
    expect(KubernetesResource.parse(res).labels).toEqual({});
    expect(KubernetesResource.safeParse({ ...res, name: 'Backend' }).success).toBe(false);
    expect(KubernetesResource.safeParse({ ...res, namespace: 'a.b' }).success).toBe(false);
    expect(KubernetesResource.safeParse({ ...res, api_version: 'apps' }).success).toBe(false);
    expect(KubernetesResource.safeParse({ ...res, kind: 'deployment' }).success).toBe(false);
    expect(KubernetesResource.safeParse({ ...res, parameters: { replicas: -1 } }).success).toBe(false);
    expect(KubernetesResource.safeParse({ ...res, api_version: 'autoscaling/v2beta2' }).success).toBe(true);
  });

  it('defaults AI tool configurations to PowerShell-compatible', () => {
    expect(AiToolConfig.parse({ id, tool: 'KUBECTL_AI' }).powershell_compatible).toBe(true);
    expect(AiToolConfig.safeParse({ id, tool: 'chatgpt' }).success).toBe(false);
  });

  it('checks task keys and their dependencies', () => {
    const task = { id, task_key: 'T002', description: 'containerise the backend', depends_on: ['T001'] };
    expect(DeploymentTask.parse(task)).toMatchObject({ status: 'PENDING', priority: 'P2' });
    expect(DeploymentTask.safeParse({ ...task, depends_on: ['first'] }).success).toBe(false);
    expect(DeploymentTask.safeParse({ ...task, task_key: '2' }).success).toBe(false);
  });
});
