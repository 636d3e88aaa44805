import { describe, expect, it } from 'vitest';
import { breakDockerfile, HEALTHY_DOCKERFILE, runDockerRule } from '../testing/dockerTesting.js';
import { dockerAptGetYes } from './dockerAptGetYes.js';

describe('dockerAptGetYes', () => {
  it('passes a healthy Dockerfile', () => {
    expect(runDockerRule(dockerAptGetYes, HEALTHY_DOCKERFILE)).toEqual([]);
  });

  it('reports the offending instruction with a fix', () => {
    const v = runDockerRule(
      dockerAptGetYes,
      breakDockerfile(
        'RUN npm ci',
        'RUN apt-get install --no-install-recommends curl=7.88.1 && rm -rf /var/lib/apt/lists/*',
      ),
    );
    expect(v.map((x) => x.line)).toEqual([5]);
    expect(v.every((x) => x.rule === dockerAptGetYes.id && (x.fix ?? '').length > 0)).toBe(true);
  });
});
