import { describe, expect, it } from 'vitest';
import { breakDockerfile, HEALTHY_DOCKERFILE, runDockerRule } from '../testing/dockerTesting.js';
import { dockerJsonCmd } from './dockerJsonCmd.js';

describe('dockerJsonCmd', () => {
  it('passes a healthy Dockerfile', () => {
    expect(runDockerRule(dockerJsonCmd, HEALTHY_DOCKERFILE)).toEqual([]);
  });

  it('reports the offending instruction with a fix', () => {
    const v = runDockerRule(
      dockerJsonCmd,
      breakDockerfile('CMD ["/app/dist/server.js"]', 'CMD node /app/dist/server.js'),
    );
    expect(v.map((x) => x.line)).toEqual([15]);
    expect(v.every((x) => x.rule === dockerJsonCmd.id && (x.fix ?? '').length > 0)).toBe(true);
  });
});
