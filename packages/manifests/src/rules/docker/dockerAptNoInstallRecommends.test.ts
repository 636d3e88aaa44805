import { describe, expect, it } from 'vitest';
import { breakDockerfile, HEALTHY_DOCKERFILE, runDockerRule } from '../testing/dockerTesting.js';
import { dockerAptNoInstallRecommends } from './dockerAptNoInstallRecommends.js';

describe('dockerAptNoInstallRecommends', () => {
  it('passes a healthy Dockerfile', () => {
    expect(runDockerRule(dockerAptNoInstallRecommends, HEALTHY_DOCKERFILE)).toEqual([]);
  });

  it('reports the offending instruction with a fix', () => {
    const v = runDockerRule(
      dockerAptNoInstallRecommends,
      breakDockerfile(
        'RUN npm ci',
        'RUN apt-get update && apt-get install -y curl=7.88.1 && rm -rf /var/lib/apt/lists/*',
      ),
    );
    expect(v.map((x) => x.line)).toEqual([5]);
    expect(v.every((x) => x.rule === dockerAptNoInstallRecommends.id && (x.fix ?? '').length > 0)).toBe(true);
  });
});
