import { describe, expect, it } from 'vitest';
import { breakDockerfile, HEALTHY_DOCKERFILE, runDockerRule } from '../testing/dockerTesting.js';
import { dockerNpmPinVersions } from './dockerNpmPinVersions.js';

describe('dockerNpmPinVersions', () => {
  it('passes a healthy Dockerfile', () => {
    expect(runDockerRule(dockerNpmPinVersions, HEALTHY_DOCKERFILE)).toEqual([]);
  });

  it('reports the offending instruction with a fix', () => {
    const v = runDockerRule(
      dockerNpmPinVersions,
      breakDockerfile('RUN npm ci', 'RUN npm install -g typescript@5.9.2 @biomejs/biome'),
    );
    expect(v.map((x) => x.line)).toEqual([5]);
    expect(v.every((x) => x.rule === dockerNpmPinVersions.id && (x.fix ?? '').length > 0)).toBe(true);
    expect(v[0]?.message).toContain('@biomejs/biome');
  });
});
