import { describe, expect, it } from 'vitest';
import { breakDockerfile, HEALTHY_DOCKERFILE, runDockerRule } from '../testing/dockerTesting.js';
import { dockerFromDigest } from './dockerFromDigest.js';

describe('dockerFromDigest', () => {
  it('passes a healthy Dockerfile', () => {
    expect(runDockerRule(dockerFromDigest, HEALTHY_DOCKERFILE)).toEqual([]);
  });

  it('reports the offending instruction with a fix', () => {
    const v = runDockerRule(
      dockerFromDigest,
      breakDockerfile(
        'FROM gcr.io/distroless/nodejs20-debian12:nonroot@sha256:0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9',
        'FROM gcr.io/distroless/nodejs20-debian12:nonroot',
      ),
    );
    expect(v.map((x) => x.line)).toEqual([9]);
    expect(v.every((x) => x.rule === dockerFromDigest.id && (x.fix ?? '').length > 0)).toBe(true);
  });
});
