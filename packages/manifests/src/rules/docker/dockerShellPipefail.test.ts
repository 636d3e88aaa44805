import { describe, expect, it } from 'vitest';
import { breakDockerfile, HEALTHY_DOCKERFILE, runDockerRule } from '../testing/dockerTesting.js';
import { dockerShellPipefail } from './dockerShellPipefail.js';

describe('dockerShellPipefail', () => {
  it('passes a healthy Dockerfile', () => {
    expect(runDockerRule(dockerShellPipefail, HEALTHY_DOCKERFILE)).toEqual([]);
  });

  it('reports the offending instruction with a fix', () => {
    const v = runDockerRule(dockerShellPipefail, breakDockerfile('RUN npm ci', 'RUN npm ls | grep react'));
    expect(v.map((x) => x.line)).toEqual([5]);
    expect(v.every((x) => x.rule === dockerShellPipefail.id && (x.fix ?? '').length > 0)).toBe(true);
  });
});
