import { describe, expect, it } from 'vitest';
import { breakDockerfile, HEALTHY_DOCKERFILE, runDockerRule } from '../testing/dockerTesting.js';
import { dockerSecretsInEnv } from './dockerSecretsInEnv.js';

describe('dockerSecretsInEnv', () => {
  it('passes a healthy Dockerfile', () => {
    expect(runDockerRule(dockerSecretsInEnv, HEALTHY_DOCKERFILE)).toEqual([]);
  });

  it('reports the offending instruction with a fix', () => {
    const v = runDockerRule(
      dockerSecretsInEnv,
      breakDockerfile('WORKDIR /app', 'WORKDIR /app\nENV NODE_ENV=production DB_PASSWORD=hunter2\nARG NPM_TOKEN'),
    );
    expect(v.map((x) => x.line)).toEqual([11, 12]);
    expect(v.every((x) => x.rule === dockerSecretsInEnv.id && (x.fix ?? '').length > 0)).toBe(true);
    expect(v[0]?.message).toContain('DB_PASSWORD');
  });
});
