import { describe, expect, it } from 'vitest';
import { breakDockerfile, HEALTHY_DOCKERFILE, runDockerRule } from '../testing/dockerTesting.js';
import { dockerCurlPipeShell } from './dockerCurlPipeShell.js';

describe('dockerCurlPipeShell', () => {
  it('passes a healthy Dockerfile', () => {
    expect(runDockerRule(dockerCurlPipeShell, HEALTHY_DOCKERFILE)).toEqual([]);
  });

  it('reports the offending instruction with a fix', () => {
    const v = runDockerRule(
      dockerCurlPipeShell,
      breakDockerfile('RUN npm ci', 'RUN curl -fsSL https://example.com/install.sh | sh'),
    );
    expect(v.map((x) => x.line)).toEqual([5]);
    expect(v.every((x) => x.rule === dockerCurlPipeShell.id && (x.fix ?? '').length > 0)).toBe(true);
  });
});
