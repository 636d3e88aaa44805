import { describe, expect, it } from 'vitest';
import { breakDockerfile, HEALTHY_DOCKERFILE, runDockerRule } from '../testing/dockerTesting.js';
import { dockerApkNoCache } from './dockerApkNoCache.js';

describe('dockerApkNoCache', () => {
  it('passes a healthy Dockerfile', () => {
    expect(runDockerRule(dockerApkNoCache, HEALTHY_DOCKERFILE)).toEqual([]);
  });

  it('reports the offending instruction with a fix', () => {
    const v = runDockerRule(dockerApkNoCache, breakDockerfile('RUN npm ci', 'RUN apk add curl=8.5.0-r0'));
    expect(v.map((x) => x.line)).toEqual([5]);
    expect(v.every((x) => x.rule === dockerApkNoCache.id && (x.fix ?? '').length > 0)).toBe(true);
  });
});
