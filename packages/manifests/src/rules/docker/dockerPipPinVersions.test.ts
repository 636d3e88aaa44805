import { describe, expect, it } from 'vitest';
import { breakDockerfile, HEALTHY_DOCKERFILE, runDockerRule } from '../testing/dockerTesting.js';
import { dockerPipPinVersions } from './dockerPipPinVersions.js';

describe('dockerPipPinVersions', () => {
  it('passes a healthy Dockerfile', () => {
    expect(runDockerRule(dockerPipPinVersions, HEALTHY_DOCKERFILE)).toEqual([]);
  });

  it('reports the offending instruction with a fix', () => {
    const v = runDockerRule(
      dockerPipPinVersions,
      breakDockerfile('RUN npm ci', 'RUN pip install --no-cache-dir flask==3.0.2 requests'),
    );
    expect(v.map((x) => x.line)).toEqual([5]);
    expect(v.every((x) => x.rule === dockerPipPinVersions.id && (x.fix ?? '').length > 0)).toBe(true);
    expect(v[0]?.message).toContain('requests');
  });
});
