import { DockerImage, HelmChart, KubernetesResource } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { readFixture } from '../../detect/__fixtures__/readFixture.js';
import { generateManifest } from '../kube/generateManifest.js';
import { generateFromProject, type ProjectTarget } from '../project/generateFromProject.js';
import { projectRecords, resourcesOfFiles } from './projectRecords.js';

const ID = '6f1c2a4e-8d3b-4c7a-9e5f-1a2b3c4d5e6f';

function records(target: ProjectTarget) {
  const r = generateFromProject(target, readFixture(), { name: 'todo' });
  if (!r.ok) throw r.error;
  return projectRecords(target, r.value.project, r.value.files, { name: 'todo' });
}

describe('projectRecords', () => {
  it('describes each Todo image as a seed-001 Docker Image', () => {
    const { dockerImages } = records('dockerfile');
    expect(dockerImages.map((i) => DockerImage.parse({ id: ID, ...i }))).toMatchObject([
      {
        name: 'todo/backend',
        tag: '0.1.0',
        base_image: 'python:3.12.7-slim-bookworm',
        optimization: { multi_stage: true },
      },
      {
        name: 'todo/frontend',
        tag: '1.0.0',
        base_image: 'node:20.18.1-alpine3.20',
        optimization: { multi_stage: true },
      },
    ]);
  });

  it('describes the chart as a seed-001 Helm Chart with the resources it renders', () => {
    const { helmChart, kubernetesResources } = records('helm-chart');
    const chart = HelmChart.parse({ id: ID, ...helmChart });
    expect(chart).toMatchObject({ name: 'todo', version: '0.1.0', app_version: '0.1.0' });
    expect(chart.templates).toContainEqual({ path: 'templates/deployment.yaml', kind: 'Deployment' });
    expect(chart.templates).toContainEqual({ path: 'templates/ingress.yaml', kind: 'Ingress' });
    expect(Object.keys(chart.values.apps as object)).toEqual(['backend', 'frontend']);
    const parsed = kubernetesResources.map((r) => KubernetesResource.parse({ id: ID, ...r }));
    const backend = parsed.find((r) => r.kind === 'Deployment' && r.name === 'backend')!;
    expect(backend).toMatchObject({
      api_version: 'apps/v1',
      parameters: { replicas: 2, ports: [8000], resources: { limits: { memory: '256Mi' } } },
      image_refs: ['todo/backend:0.1.0'],
      selector: { 'app.kubernetes.io/name': 'backend' },
    });
    expect(parsed.find((r) => r.kind === 'Service' && r.name === 'frontend')?.parameters.ports).toEqual([80]);
  });

  it('records the resources of plain manifests and of a described manifest', () => {
    expect(records('k8s').kubernetesResources.map((r) => `${r.kind}/${r.name}`)).toContain('Ingress/todo');
    const cron = generateManifest('cronjob', 'report image ghcr.io/acme/report:2.0 every 5 minutes namespace ops');
    if (!cron.ok) throw cron.error;
    expect(resourcesOfFiles(cron.value.files)).toMatchObject([
      { kind: 'CronJob', name: 'report', namespace: 'ops', image_refs: ['ghcr.io/acme/report:2.0'] },
    ]);
  });
});
