import { describe, expect, it } from 'vitest';
import { breakDockerfile, HEALTHY_DOCKERFILE, runDockerRule } from '../testing/dockerTesting.js';
import { dockerPipNoCacheDir } from './dockerPipNoCacheDir.js';

describe('dockerPipNoCacheDir', () => {
  it('passes a healthy Dockerfile', () => {
    expect(runDockerRule(dockerPipNoCacheDir, HEALTHY_DOCKERFILE)).toEqual([]);
  });

  it('reports the offending instruction with a fix', () => {
    const v = runDockerRule(dockerPipNoCacheDir, breakDockerfile('RUN npm ci', 'RUN pip install flask==3.0.2'));
    expect(v.map((x) => x.line)).toEqual([5]);
    expect(v.every((x) => x.rule === dockerPipNoCacheDir.id && (x.fix ?? '').length > 0)).toBe(true);
  });
});
