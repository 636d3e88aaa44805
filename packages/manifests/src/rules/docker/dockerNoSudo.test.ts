import { describe, expect, it } from 'vitest';
import { breakDockerfile, HEALTHY_DOCKERFILE, runDockerRule } from '../testing/dockerTesting.js';
import { dockerNoSudo } from './dockerNoSudo.js';

describe('dockerNoSudo', () => {
  it('passes a healthy Dockerfile', () => {
    expect(runDockerRule(dockerNoSudo, HEALTHY_DOCKERFILE)).toEqual([]);
  });

  it('reports the offending instruction with a fix', () => {
    const v = runDockerRule(dockerNoSudo, breakDockerfile('RUN npm ci', 'RUN sudo npm ci'));
    expect(v.map((x) => x.line)).toEqual([5]);
    expect(v.every((x) => x.rule === dockerNoSudo.id && (x.fix ?? '').length > 0)).toBe(true);
  });
});
