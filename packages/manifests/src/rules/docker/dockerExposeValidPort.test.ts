import { describe, expect, it } from 'vitest';
import { breakDockerfile, HEALTHY_DOCKERFILE, runDockerRule } from '../testing/dockerTesting.js';
import { dockerExposeValidPort } from './dockerExposeValidPort.js';

describe('dockerExposeValidPort', () => {
  it('passes a healthy Dockerfile', () => {
    expect(runDockerRule(dockerExposeValidPort, HEALTHY_DOCKERFILE)).toEqual([]);
  });

  it('reports the offending instruction with a fix', () => {
    const v = runDockerRule(dockerExposeValidPort, breakDockerfile('EXPOSE 8080', 'EXPOSE 8080/tcp 70000 http'));
    expect(v.map((x) => x.line)).toEqual([13, 13]);
    expect(v.every((x) => x.rule === dockerExposeValidPort.id && (x.fix ?? '').length > 0)).toBe(true);
  });
});
