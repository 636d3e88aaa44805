import { describe, expect, it } from 'vitest';
import { breakDockerfile, HEALTHY_DOCKERFILE, runDockerRule } from '../testing/dockerTesting.js';
import { dockerWorkdirAbsolute } from './dockerWorkdirAbsolute.js';

describe('dockerWorkdirAbsolute', () => {
  it('passes a healthy Dockerfile', () => {
    expect(runDockerRule(dockerWorkdirAbsolute, HEALTHY_DOCKERFILE)).toEqual([]);
  });

  it('reports the offending instruction with a fix', () => {
    const v = runDockerRule(dockerWorkdirAbsolute, breakDockerfile('WORKDIR /app', 'WORKDIR app'));
    expect(v.map((x) => x.line)).toEqual([10]);
    expect(v.every((x) => x.rule === dockerWorkdirAbsolute.id && (x.fix ?? '').length > 0)).toBe(true);
  });
});
