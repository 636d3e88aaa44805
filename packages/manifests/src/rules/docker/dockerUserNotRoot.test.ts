import { describe, expect, it } from 'vitest';
import { breakDockerfile, HEALTHY_DOCKERFILE, runDockerRule } from '../testing/dockerTesting.js';
import { dockerUserNotRoot } from './dockerUserNotRoot.js';

describe('dockerUserNotRoot', () => {
  it('passes a healthy Dockerfile', () => {
    expect(runDockerRule(dockerUserNotRoot, HEALTHY_DOCKERFILE)).toEqual([]);
  });

  it('reports the offending instruction with a fix', () => {
    const v = runDockerRule(dockerUserNotRoot, breakDockerfile('USER 10001', 'USER root'));
    expect(v.map((x) => x.line)).toEqual([12]);
    expect(v.every((x) => x.rule === dockerUserNotRoot.id && (x.fix ?? '').length > 0)).toBe(true);
  });
});
