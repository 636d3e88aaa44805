import { describe, expect, it } from 'vitest';
import { breakDockerfile, HEALTHY_DOCKERFILE, runDockerRule } from '../testing/dockerTesting.js';
import { dockerAptListsCleanup } from './dockerAptListsCleanup.js';

describe('dockerAptListsCleanup', () => {
  it('passes a healthy Dockerfile', () => {
    expect(runDockerRule(dockerAptListsCleanup, HEALTHY_DOCKERFILE)).toEqual([]);
  });

  it('reports the offending instruction with a fix', () => {
    const v = runDockerRule(
      dockerAptListsCleanup,
      breakDockerfile('RUN npm ci', 'RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1'),
    );
    expect(v.map((x) => x.line)).toEqual([5]);
    expect(v.every((x) => x.rule === dockerAptListsCleanup.id && (x.fix ?? '').length > 0)).toBe(true);
  });
});
