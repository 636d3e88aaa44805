import { describe, expect, it } from 'vitest';
import { breakDockerfile, HEALTHY_DOCKERFILE, runDockerRule } from '../testing/dockerTesting.js';
import { dockerYumClean } from './dockerYumClean.js';

describe('dockerYumClean', () => {
  it('passes a healthy Dockerfile', () => {
    expect(runDockerRule(dockerYumClean, HEALTHY_DOCKERFILE)).toEqual([]);
  });

  it('reports the offending instruction with a fix', () => {
    const v = runDockerRule(dockerYumClean, breakDockerfile('RUN npm ci', 'RUN yum install -y git-2.39.3'));
    expect(v.map((x) => x.line)).toEqual([5]);
    expect(v.every((x) => x.rule === dockerYumClean.id && (x.fix ?? '').length > 0)).toBe(true);
  });
});
