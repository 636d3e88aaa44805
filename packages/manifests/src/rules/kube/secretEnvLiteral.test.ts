import { describe, expect, it } from 'vitest';
import { companions, healthyDeployment, runKubeRule } from '../testing/kubeTesting.js';
import { secretEnvLiteral } from './secretEnvLiteral.js';

describe('secretEnvLiteral', () => {
  it('passes a healthy object', () => {
    expect(runKubeRule(secretEnvLiteral, [healthyDeployment(), ...companions()])).toEqual([]);
  });

  it('reports the broken field with a fix', () => {
    const d = healthyDeployment();
    d.spec.template.spec.containers[0].env.push({ name: 'API_TOKEN', value: 'abc123' });
    const objs = [d];
    const v = runKubeRule(secretEnvLiteral, objs);
    expect(v.map((x) => x.path)).toEqual(['spec.template.spec.containers[0].env[2].value']);
    expect(v[0]?.message).toContain('API_TOKEN');
    expect(v.every((x) => x.fix !== undefined && x.fix.length > 0)).toBe(true);
  });
});

describe('secretEnvLiteral on real-world env (bitnami postgresql and redis charts, rendered)', () => {
  const withEnv = (env: { name: string; value: string }[]) => {
    const d = healthyDeployment();
    d.spec.template.spec.containers[0].env = env;
    return runKubeRule(secretEnvLiteral, [d]);
  };

  it('leaves file paths, switches and secret names alone', () => {
    expect(
      withEnv([
        { name: 'POSTGRES_PASSWORD_FILE', value: '/opt/bitnami/postgresql/secrets/postgres-password' },
        { name: 'ALLOW_EMPTY_PASSWORD', value: 'yes' },
        { name: 'REDIS_PASSWORD_SECRET_NAME', value: 'release-redis' },
        { name: 'POSTGRESQL_EXISTING_SECRET', value: 'db-credentials' },
        { name: 'JWT_SECRET_KEY_REF', value: 'jwt' },
        { name: 'REDIS_TLS_AUTH_CLIENTS', value: 'yes' },
        { name: 'OAUTH_TOKEN_URL', value: 'https://auth.example.com/token' },
        { name: 'API_TOKEN', value: '$(API_TOKEN_FROM_SECRET)' },
        { name: 'PASSWORD_MIN_LENGTH', value: '12' },
      ]),
    ).toEqual([]);
  });

  it('still reports a password written out', () => {
    expect(withEnv([{ name: 'POSTGRES_PASSWORD', value: 'hunter2-s3cret' }]).map((v) => v.message)).toEqual([
      'container "web" sets POSTGRES_PASSWORD as a literal value',
    ]);
  });
});
