import { describe, expect, it } from 'vitest';
import { breakDockerfile, HEALTHY_DOCKERFILE, runDockerRule } from '../testing/dockerTesting.js';
import { dockerAptNotApt } from './dockerAptNotApt.js';

describe('dockerAptNotApt', () => {
  it('passes a healthy Dockerfile', () => {
    expect(runDockerRule(dockerAptNotApt, HEALTHY_DOCKERFILE)).toEqual([]);
  });

  it('reports the offending instruction with a fix', () => {
    const v = runDockerRule(dockerAptNotApt, breakDockerfile('RUN npm ci', 'RUN apt install -y curl'));
    expect(v.map((x) => x.line)).toEqual([5]);
    expect(v.every((x) => x.rule === dockerAptNotApt.id && (x.fix ?? '').length > 0)).toBe(true);
  });
});
