import { describe, expect, it } from 'vitest';
import type { KubeObject } from './kubeObject.js';
import { parseFieldSelector, parseLabelSelector } from './selectors.js';

const labels = { app: 'backend', tier: 'api' };

describe('label selectors', () => {
  it.each([
    ['app=backend', true],
    ['app==backend', true],
    ['app!=backend', false],
    ['app in (backend,frontend)', true],
    ['app notin (backend)', false],
    ['tier', true],
    ['!tier', false],
    ['!missing', true],
    ['app=backend,tier=web', false],
    ['app in (a, backend),tier', true],
    ['', true],
  ])('%s matches: %s', (selector, expected) => {
    expect(parseLabelSelector(selector)(labels)).toBe(expected);
  });

  it('refuses a malformed selector with a 400', () => {
    expect(() => parseLabelSelector('app=(x')).toThrowError(/invalid label selector/);
  });
});

describe('field selectors', () => {
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'todo' },
    spec: { nodeName: 'node-1' },
    status: { phase: 'Running' },
  } as KubeObject;
  it('matches the supported fields', () => {
    expect(parseFieldSelector('status.phase=Running')(pod)).toBe(true);
    expect(parseFieldSelector('status.phase!=Running')(pod)).toBe(false);
    expect(parseFieldSelector('metadata.name=p,spec.nodeName=node-1')(pod)).toBe(true);
    expect(parseFieldSelector('metadata.namespace=other')(pod)).toBe(false);
  });
  it('refuses an unsupported field as the real server does', () => {
    expect(() => parseFieldSelector('spec.containers=x')(pod)).toThrowError(/field label not supported/);
  });
});
