import { describe, expect, it } from 'vitest';
import { breakDockerfile, HEALTHY_DOCKERFILE, runDockerRule } from '../testing/dockerTesting.js';
import { dockerNoCd } from './dockerNoCd.js';

describe('dockerNoCd', () => {
  it('passes a healthy Dockerfile', () => {
    expect(runDockerRule(dockerNoCd, HEALTHY_DOCKERFILE)).toEqual([]);
  });

  it('reports the offending instruction with a fix', () => {
    const v = runDockerRule(dockerNoCd, breakDockerfile('RUN npm ci', 'RUN cd /src && npm ci'));
    expect(v.map((x) => x.line)).toEqual([5]);
    expect(v.every((x) => x.rule === dockerNoCd.id && (x.fix ?? '').length > 0)).toBe(true);
  });
});
