import { describe, expect, it } from 'vitest';
import { breakDockerfile, HEALTHY_DOCKERFILE, runDockerRule } from '../testing/dockerTesting.js';
import { dockerAptPinVersions } from './dockerAptPinVersions.js';

describe('dockerAptPinVersions', () => {
  it('passes a healthy Dockerfile', () => {
    expect(runDockerRule(dockerAptPinVersions, HEALTHY_DOCKERFILE)).toEqual([]);
  });

  it('reports the offending instruction with a fix', () => {
    const v = runDockerRule(
      dockerAptPinVersions,
      breakDockerfile(
        'RUN npm ci',
        'RUN apt-get install -y --no-install-recommends curl=7.88.1 git && rm -rf /var/lib/apt/lists/*',
      ),
    );
    expect(v.map((x) => x.line)).toEqual([5]);
    expect(v.every((x) => x.rule === dockerAptPinVersions.id && (x.fix ?? '').length > 0)).toBe(true);
    expect(v[0]?.message).toContain('git');
  });
});
