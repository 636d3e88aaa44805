import { describe, expect, it } from 'vitest';
import { breakDockerfile, HEALTHY_DOCKERFILE, runDockerRule } from '../testing/dockerTesting.js';
import { dockerApkPinVersions } from './dockerApkPinVersions.js';

describe('dockerApkPinVersions', () => {
  it('passes a healthy Dockerfile', () => {
    expect(runDockerRule(dockerApkPinVersions, HEALTHY_DOCKERFILE)).toEqual([]);
  });

  it('reports the offending instruction with a fix', () => {
    const v = runDockerRule(
      dockerApkPinVersions,
      breakDockerfile('RUN npm ci', 'RUN apk add --no-cache curl=8.5.0-r0 git'),
    );
    expect(v.map((x) => x.line)).toEqual([5]);
    expect(v.every((x) => x.rule === dockerApkPinVersions.id && (x.fix ?? '').length > 0)).toBe(true);
    expect(v[0]?.message).toContain('git');
  });
});
