import { describe, expect, it } from 'vitest';
import { HelmChart, NewHelmChart } from './helmChart.js';

const chart = { id: '6f1c2a4e-8d3b-4c7a-9e5f-1a2b3c4d5e6f', name: 'todo', version: '0.1.0' };

describe('HelmChart', () => {
  it('accepts a minimal chart and fills the defaults', () => {
    expect(HelmChart.parse(chart)).toMatchObject({ values: {}, templates: [], dependencies: [] });
  });

  it('requires a DNS label name and a semantic version', () => {
    expect(HelmChart.safeParse({ ...chart, version: '1.0' }).success).toBe(false);
    expect(HelmChart.safeParse({ ...chart, version: 'v1.0.0' }).success).toBe(false);
    expect(HelmChart.safeParse({ ...chart, version: '1.0.0-rc.1+build.5' }).success).toBe(true);
    expect(HelmChart.safeParse({ ...chart, name: 'Todo_App' }).success).toBe(false);
  });

  it('checks templates and dependency repositories', () => {
    const templates = [{ path: 'templates/deployment.yaml', kind: 'Deployment' }];
    const postgres = { name: 'postgresql', version: '^15.0.0', repository: 'oci://registry-1.docker.io/bitnamicharts' };
    expect(HelmChart.safeParse({ ...chart, templates, dependencies: [postgres] }).success).toBe(true);
    expect(HelmChart.safeParse({ ...chart, dependencies: [{ ...postgres, repository: undefined }] }).success).toBe(
      true,
    );
    expect(HelmChart.safeParse({ ...chart, dependencies: [{ ...postgres, repository: '@bitnami' }] }).success).toBe(
      true,
    );
    expect(HelmChart.safeParse({ ...chart, dependencies: [{ ...postgres, repository: 'bitnami' }] }).success).toBe(
      false,
    );
    expect(HelmChart.safeParse({ ...chart, dependencies: [{ ...postgres, version: '' }] }).success).toBe(false);
    expect(HelmChart.safeParse({ ...chart, templates: [{ path: '', kind: 'Service' }] }).success).toBe(false);
  });

  it('lets a caller create a chart without an id', () => {
    expect(NewHelmChart.safeParse({ name: 'todo', version: '0.1.0' }).success).toBe(true);
    expect(NewHelmChart.safeParse({ name: 'todo' }).success).toBe(false);
  });
});
