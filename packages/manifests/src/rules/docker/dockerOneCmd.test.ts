import { describe, expect, it } from 'vitest';
import { breakDockerfile, HEALTHY_DOCKERFILE, runDockerRule } from '../testing/dockerTesting.js';
import { dockerOneCmd } from './dockerOneCmd.js';

describe('dockerOneCmd', () => {
  it('passes a healthy Dockerfile', () => {
    expect(runDockerRule(dockerOneCmd, HEALTHY_DOCKERFILE)).toEqual([]);
  });

  it('reports the offending instruction with a fix', () => {
    const v = runDockerRule(
      dockerOneCmd,
      breakDockerfile('CMD ["/app/dist/server.js"]', 'CMD ["/bin/sh"]\nCMD ["/app/dist/server.js"]'),
    );
    expect(v.map((x) => x.line)).toEqual([15]);
    expect(v.every((x) => x.rule === dockerOneCmd.id && (x.fix ?? '').length > 0)).toBe(true);
  });
});
