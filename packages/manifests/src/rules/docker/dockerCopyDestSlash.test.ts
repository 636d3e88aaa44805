import { describe, expect, it } from 'vitest';
import { breakDockerfile, HEALTHY_DOCKERFILE, runDockerRule } from '../testing/dockerTesting.js';
import { dockerCopyDestSlash } from './dockerCopyDestSlash.js';

describe('dockerCopyDestSlash', () => {
  it('passes a healthy Dockerfile', () => {
    expect(runDockerRule(dockerCopyDestSlash, HEALTHY_DOCKERFILE)).toEqual([]);
  });

  it('reports the offending instruction with a fix', () => {
    const v = runDockerRule(
      dockerCopyDestSlash,
      breakDockerfile('COPY package.json package-lock.json ./', 'COPY package.json package-lock.json /src'),
    );
    expect(v.map((x) => x.line)).toEqual([4]);
    expect(v.every((x) => x.rule === dockerCopyDestSlash.id && (x.fix ?? '').length > 0)).toBe(true);
  });
});
