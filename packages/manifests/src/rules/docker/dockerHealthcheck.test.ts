import { describe, expect, it } from 'vitest';
import { breakDockerfile, HEALTHY_DOCKERFILE, runDockerRule } from '../testing/dockerTesting.js';
import { dockerHealthcheck } from './dockerHealthcheck.js';

describe('dockerHealthcheck', () => {
  it('passes a healthy Dockerfile', () => {
    expect(runDockerRule(dockerHealthcheck, HEALTHY_DOCKERFILE)).toEqual([]);
  });

  it('reports the offending instruction with a fix', () => {
    const v = runDockerRule(
      dockerHealthcheck,
      breakDockerfile('HEALTHCHECK CMD ["/nodejs/bin/node", "/app/dist/health.js"]\n', ''),
    );
    expect(v.map((x) => x.line)).toEqual([9]);
    expect(v.every((x) => x.rule === dockerHealthcheck.id && (x.fix ?? '').length > 0)).toBe(true);
  });
});
