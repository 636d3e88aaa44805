import { describe, expect, it } from 'vitest';
import { KubernetesResource, NewKubernetesResource } from './kubernetesResource.js';

const res = {
  id: '6f1c2a4e-8d3b-4c7a-9e5f-1a2b3c4d5e6f',
  kind: 'Deployment',
  api_version: 'apps/v1',
  name: 'backend',
  namespace: 'todo',
};
const ok = (patch: object) => KubernetesResource.safeParse({ ...res, ...patch }).success;

describe('KubernetesResource', () => {
  it('accepts a minimal resource and fills the defaults', () => {
    expect(KubernetesResource.parse(res)).toMatchObject({ parameters: {}, labels: {}, selector: {}, image_refs: [] });
  });

  it('checks names, namespaces, kinds and apiVersions', () => {
    expect(ok({ name: 'Backend' })).toBe(false);
    expect(ok({ name: 'backend.v2' })).toBe(true);
    expect(ok({ namespace: 'a.b' })).toBe(false);
    expect(ok({ kind: 'deployment' })).toBe(false);
    expect(ok({ api_version: 'apps' })).toBe(false);
    expect(ok({ api_version: 'v1' })).toBe(true);
    expect(ok({ api_version: 'autoscaling/v2beta2' })).toBe(true);
  });

  it('checks replicas, ports and resource quantities', () => {
    const resources = { requests: { cpu: '250m', memory: '256Mi' }, limits: { memory: '512Mi' } };
    expect(ok({ parameters: { replicas: 3, ports: [8000], resources } })).toBe(true);
    expect(ok({ parameters: { replicas: -1 } })).toBe(false);
    expect(ok({ parameters: { ports: [70000] } })).toBe(false);
    expect(ok({ parameters: { resources: { limits: { memory: '512MB' } } } })).toBe(false);
  });

  it('checks labels, selectors and image references', () => {
    expect(ok({ labels: { 'app.kubernetes.io/name': 'backend' }, selector: { app: 'backend' } })).toBe(true);
    expect(ok({ labels: { app: 'has space' } })).toBe(false);
    expect(ok({ selector: { 'bad key': 'x' } })).toBe(false);
    expect(ok({ image_refs: ['ghcr.io/acme/api:1.4.0'] })).toBe(true);
    expect(ok({ image_refs: ['Ghcr.io/Acme:1'] })).toBe(false);
  });

  it('requires a readiness flag in health', () => {
    expect(ok({ health: { ready: false, message: 'rolling out' } })).toBe(true);
    expect(ok({ health: { message: 'rolling out' } })).toBe(false);
  });

  it('lets a caller create a resource without an id', () => {
    const { id: _id, ...fields } = res;
    expect(NewKubernetesResource.safeParse(fields).success).toBe(true);
  });
});
