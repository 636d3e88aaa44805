import { describe, expect, it } from 'vitest';
import { breakDockerfile, HEALTHY_DOCKERFILE, runDockerRule } from '../testing/dockerTesting.js';
import { dockerSyntax } from './dockerSyntax.js';

describe('dockerSyntax', () => {
  it('passes a healthy Dockerfile', () => {
    expect(runDockerRule(dockerSyntax, HEALTHY_DOCKERFILE)).toEqual([]);
  });

  it('reports the offending instruction with a fix', () => {
    const v = runDockerRule(dockerSyntax, breakDockerfile('WORKDIR /src', 'WORKDIRR /src'));
    expect(v.map((x) => x.line)).toEqual([3]);
    expect(v.every((x) => x.rule === dockerSyntax.id && (x.fix ?? '').length > 0)).toBe(true);
    expect(v[0]?.message).toMatch(/unknown instruction/i);
    expect(runDockerRule(dockerSyntax, '# only a comment\n')[0]?.message).toMatch(/FROM/);
  });
});
