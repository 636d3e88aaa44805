import { describe, expect, it } from 'vitest';
import { breakDockerfile, HEALTHY_DOCKERFILE, runDockerRule } from '../testing/dockerTesting.js';
import { dockerUserSet } from './dockerUserSet.js';

describe('dockerUserSet', () => {
  it('passes a healthy Dockerfile', () => {
    expect(runDockerRule(dockerUserSet, HEALTHY_DOCKERFILE)).toEqual([]);
  });

  it('reports the offending instruction with a fix', () => {
    const v = runDockerRule(dockerUserSet, breakDockerfile('USER 10001\n', ''));
    expect(v.map((x) => x.line)).toEqual([9]);
    expect(v.every((x) => x.rule === dockerUserSet.id && (x.fix ?? '').length > 0)).toBe(true);
    expect(v[0]?.severity).toBe('ERROR');
  });
});
