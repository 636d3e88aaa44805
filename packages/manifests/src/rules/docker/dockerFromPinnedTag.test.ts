import { describe, expect, it } from 'vitest';
import { breakDockerfile, HEALTHY_DOCKERFILE, runDockerRule } from '../testing/dockerTesting.js';
import { dockerFromPinnedTag } from './dockerFromPinnedTag.js';

describe('dockerFromPinnedTag', () => {
  it('passes a healthy Dockerfile', () => {
    expect(runDockerRule(dockerFromPinnedTag, HEALTHY_DOCKERFILE)).toEqual([]);
  });

  it('reports the offending instruction with a fix', () => {
    const v = runDockerRule(
      dockerFromPinnedTag,
      breakDockerfile(
        'FROM node:20.11-alpine3.19@sha256:4f5b4d1e2a7c3b9e8d6f0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f AS build',
        'FROM node AS build',
      ),
    );
    expect(v.map((x) => x.line)).toEqual([2]);
    expect(v.every((x) => x.rule === dockerFromPinnedTag.id && (x.fix ?? '').length > 0)).toBe(true);
    expect(v[0]?.message).toContain('untagged');
  });
});
