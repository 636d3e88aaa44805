import { describe, expect, it } from 'vitest';
import { breakDockerfile, HEALTHY_DOCKERFILE, runDockerRule } from '../testing/dockerTesting.js';
import { dockerMaintainerDeprecated } from './dockerMaintainerDeprecated.js';

describe('dockerMaintainerDeprecated', () => {
  it('passes a healthy Dockerfile', () => {
    expect(runDockerRule(dockerMaintainerDeprecated, HEALTHY_DOCKERFILE)).toEqual([]);
  });

  it('reports the offending instruction with a fix', () => {
    const v = runDockerRule(
      dockerMaintainerDeprecated,
      breakDockerfile('WORKDIR /src', 'MAINTAINER ops@example.com\nWORKDIR /src'),
    );
    expect(v.map((x) => x.line)).toEqual([3]);
    expect(v.every((x) => x.rule === dockerMaintainerDeprecated.id && (x.fix ?? '').length > 0)).toBe(true);
  });
});
