import { describe, expect, it } from 'vitest';
import { breakDockerfile, HEALTHY_DOCKERFILE, runDockerRule } from '../testing/dockerTesting.js';
import { dockerChmod777 } from './dockerChmod777.js';

describe('dockerChmod777', () => {
  it('passes a healthy Dockerfile', () => {
    expect(runDockerRule(dockerChmod777, HEALTHY_DOCKERFILE)).toEqual([]);
  });

  it('reports the offending instruction with a fix', () => {
    const v = runDockerRule(dockerChmod777, breakDockerfile('RUN npm ci', 'RUN chmod 777 /src'));
    expect(v.map((x) => x.line)).toEqual([5]);
    expect(v.every((x) => x.rule === dockerChmod777.id && (x.fix ?? '').length > 0)).toBe(true);
  });
});
