import type { KubeObject } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { secretAges } from './secretAges.js';
import { secretRotation } from './secretRotation.js';

const now = new Date('2026-12-01T00:00:00Z');
const secret = (name: string, created: string, extra: Record<string, unknown> = {}): KubeObject =>
  ({
    apiVersion: 'v1',
    kind: 'Secret',
    type: 'Opaque',
    metadata: { name, namespace: 'shop', creationTimestamp: created },
    data: { password: 'c2VjcmV0', user: 'YWRtaW4=' },
    ...extra,
  }) as KubeObject;
const deployment = (name: string, pod: Record<string, unknown>): KubeObject =>
  ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'shop' },
    spec: { template: { spec: pod } },
  }) as KubeObject;

const secrets = [
  secret('db', '2026-06-01T00:00:00Z'),
  secret('fresh', '2026-11-20T00:00:00Z'),
  secret('rotated', '2025-01-01T00:00:00Z', {
    metadata: {
      name: 'rotated',
      namespace: 'shop',
      creationTimestamp: '2025-01-01T00:00:00Z',
      annotations: { 'opspilot.dev/rotated-at': '2026-11-01T00:00:00Z' },
    },
  }),
  secret('strict', '2026-11-01T00:00:00Z', {
    metadata: {
      name: 'strict',
      namespace: 'shop',
      creationTimestamp: '2026-11-01T00:00:00Z',
      annotations: { 'opspilot.dev/max-age-days': '7' },
    },
  }),
  secret('token', '2020-01-01T00:00:00Z', { type: 'kubernetes.io/service-account-token' }),
];
const workloads = [
  deployment('api', {
    containers: [{ name: 'a', env: [{ name: 'P', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } }] }],
  }),
  deployment('worker', { containers: [{ name: 'w', envFrom: [{ secretRef: { name: 'db' } }] }] }),
  deployment('web', { containers: [{ name: 'w' }], volumes: [{ name: 'v', secret: { secretName: 'fresh' } }] }),
];

describe('secretAges', () => {
  it('measures age since the last rotation (else creation) against the maximum age, annotation first', () => {
    const ages = secretAges(secrets, workloads, { now, maxAgeDays: 90 });
    expect(ages.map((a) => [a.name, a.age_days, a.max_age_days, a.overdue])).toEqual([
      ['db', 183, 90, true],
      ['rotated', 30, 90, false],
      ['strict', 30, 7, true],
      ['fresh', 11, 90, false],
    ]);
    expect(ages[0]?.consumers.map((c) => c.name)).toEqual(['api', 'worker']);
    expect(ages[0]?.keys).toEqual(['password', 'user']);
    expect(JSON.stringify(ages)).not.toContain('c2VjcmV0');
  });
});

describe('secretRotation', () => {
  const [db] = secretAges(secrets, workloads, { now, maxAgeDays: 90 });

  it('generates every key, stamps rotated-at and restarts each consumer; no value in the text', () => {
    const r = secretRotation(db!, {}, { now, random: (n) => `generated-${n}` });
    expect(r.keys).toEqual(['password', 'user']);
    expect(r.steps[0]).toMatchObject({
      op: 'apply',
      mode: 'patch',
      object: {
        kind: 'Secret',
        metadata: { annotations: { 'opspilot.dev/rotated-at': '2026-12-01T00:00:00.000Z' } },
        stringData: { password: 'generated-32', user: 'generated-32' },
      },
    });
    expect(r.steps.slice(1).map((s) => s.op === 'rolloutRestart' && s.target.name)).toEqual(['api', 'worker']);
    expect(`${r.summary} ${r.steps.map((s) => s.description).join(' ')}`).not.toContain('generated-32');
  });

  it('uses supplied values only for their keys, and can skip restarts', () => {
    const r = secretRotation(db!, { values: { password: 'from-vault' }, restart: false }, { now });
    expect(r.keys).toEqual(['password']);
    expect(r.steps).toHaveLength(1);
    expect(r.summary).not.toContain('from-vault');
  });

  it('generates real random values of the length asked', () => {
    const a = secretRotation(db!, { generate: ['password'], length: 48 }, { now });
    const b = secretRotation(db!, { generate: ['password'], length: 48 }, { now });
    const value = (x: typeof a) =>
      (x.steps[0] as unknown as { object: { stringData: Record<string, string> } }).object.stringData.password;
    expect(value(a)).toHaveLength(64);
    expect(value(a)).not.toBe(value(b));
  });

  it('refuses unknown keys and generated values for non-Opaque Secrets', () => {
    expect(() => secretRotation(db!, { generate: ['nope'] }, { now })).toThrow(/has no key nope/);
    expect(() => secretRotation({ ...db!, type: 'kubernetes.io/tls' }, {}, { now })).toThrow(/cannot be generated/);
    expect(() =>
      secretRotation({ ...db!, type: 'kubernetes.io/tls' }, { values: { 'tls.crt': 'x' } }, { now }),
    ).not.toThrow();
  });
});
