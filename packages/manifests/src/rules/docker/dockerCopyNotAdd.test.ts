import { describe, expect, it } from 'vitest';
import { breakDockerfile, HEALTHY_DOCKERFILE, runDockerRule } from '../testing/dockerTesting.js';
import { dockerCopyNotAdd } from './dockerCopyNotAdd.js';

describe('dockerCopyNotAdd', () => {
  it('passes a healthy Dockerfile', () => {
    expect(runDockerRule(dockerCopyNotAdd, HEALTHY_DOCKERFILE)).toEqual([]);
  });

  it('reports the offending instruction with a fix', () => {
    const v = runDockerRule(dockerCopyNotAdd, breakDockerfile('COPY . .', 'ADD . .'));
    expect(v.map((x) => x.line)).toEqual([6]);
    expect(v.every((x) => x.rule === dockerCopyNotAdd.id && (x.fix ?? '').length > 0)).toBe(true);
  });
});
