import { describe, expect, it } from 'vitest';
import { breakDockerfile, HEALTHY_DOCKERFILE, runDockerRule } from '../testing/dockerTesting.js';
import { dockerOneEntrypoint } from './dockerOneEntrypoint.js';

describe('dockerOneEntrypoint', () => {
  it('passes a healthy Dockerfile', () => {
    expect(runDockerRule(dockerOneEntrypoint, HEALTHY_DOCKERFILE)).toEqual([]);
  });

  it('reports the offending instruction with a fix', () => {
    const v = runDockerRule(
      dockerOneEntrypoint,
      breakDockerfile('CMD ["/app/dist/server.js"]', 'ENTRYPOINT ["/a"]\nENTRYPOINT ["/b"]'),
    );
    expect(v.map((x) => x.line)).toEqual([15]);
    expect(v.every((x) => x.rule === dockerOneEntrypoint.id && (x.fix ?? '').length > 0)).toBe(true);
  });
});
