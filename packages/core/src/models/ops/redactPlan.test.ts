import { describe, expect, it } from 'vitest';
import { Plan } from '../../ports/plan.js';
import { Operation } from './operation.js';
import { planSecretValues, REDACTED_VALUE, redactOperation, redactPlan, redactSecret } from './redactPlan.js';

const secret = {
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name: 'db-creds', namespace: 'todo' },
  type: 'Opaque',
  stringData: { password: 'changeme', user: 'app' },
  data: { token: btoa('s3cr3t-t0ken') },
};
const plan = Plan.parse({
  request: 'create a secret db-creds with password=changeme and user=app in todo',
  summary: 'Create Secret db-creds in namespace todo',
  steps: [
    { op: 'apply', mode: 'create', object: secret, description: 'Create Secret db-creds (password=changeme)' },
    { op: 'scale', target: { kind: 'Deployment', name: 'app', namespace: 'todo' }, replicas: 2, description: 'scale' },
  ],
  risk: 'write',
  riskReasons: ['changes secret todo/db-creds'],
  rendered: { bash: 'stringData:\n  password: changeme\n', powershell: '"password": "changeme"' },
  planner: 'offline',
});

describe('redactPlan', () => {
  it('replaces every Secret value by the marker and keeps the keys', () => {
    const redacted = redactPlan(plan);
    expect(redacted.steps[0]).toMatchObject({
      object: {
        stringData: { password: REDACTED_VALUE, user: REDACTED_VALUE },
        data: { token: REDACTED_VALUE },
        metadata: { name: 'db-creds' },
      },
    });
    expect(redacted.steps[1]).toEqual(plan.steps[1]);
  });

  it('takes the values out of the request, descriptions and rendered commands, leaving other words alone', () => {
    const redacted = redactPlan(plan);
    const text = JSON.stringify(redacted);
    for (const value of ['changeme', 's3cr3t-t0ken', btoa('s3cr3t-t0ken'), btoa('changeme')])
      expect(text).not.toContain(value);
    expect(redacted.request).toBe(
      `create a secret db-creds with password=${REDACTED_VALUE} and user=${REDACTED_VALUE} in todo`,
    );
    expect(redacted.summary).toBe(plan.summary);
    expect(redacted.rendered.bash).toBe(`stringData:\n  password: ${REDACTED_VALUE}\n`);
    expect(plan.steps[0]).toMatchObject({ object: { stringData: { password: 'changeme' } } });
  });

  it('leaves a plan without Secret values as it is', () => {
    const blank = Plan.parse({
      ...plan,
      request: 'apply generated app',
      steps: [{ ...plan.steps[0], object: { ...secret, stringData: { password: '' }, data: undefined } }],
    });
    expect(planSecretValues(blank)).toEqual([]);
    expect(redactPlan(blank).request).toBe('apply generated app');
    expect(planSecretValues(plan)).toEqual(
      expect.arrayContaining(['changeme', btoa('changeme'), 'app', btoa('s3cr3t-t0ken'), 's3cr3t-t0ken']),
    );
  });
});

describe('redactSecret', () => {
  it('marks which values of a changed Secret differ, as kubectl diff does', () => {
    const live = { ...secret, stringData: undefined, data: { password: btoa('old'), user: btoa('app') } };
    const proposed = {
      ...secret,
      stringData: undefined,
      data: { password: btoa('new'), user: btoa('app'), extra: 'x' },
    };
    expect(redactSecret(live, proposed, 'before').data).toEqual({
      password: `${REDACTED_VALUE} (before)`,
      user: REDACTED_VALUE,
    });
    expect(redactSecret(proposed, live, 'after').data).toEqual({
      password: `${REDACTED_VALUE} (after)`,
      user: REDACTED_VALUE,
      extra: REDACTED_VALUE,
    });
  });

  it('redacts the last-applied annotation, which repeats the values', () => {
    const applied = {
      ...secret,
      metadata: {
        ...secret.metadata,
        annotations: { 'kubectl.kubernetes.io/last-applied-configuration': JSON.stringify(secret), team: 'a' },
      },
    };
    expect(redactSecret(applied).metadata.annotations).toEqual({
      'kubectl.kubernetes.io/last-applied-configuration': REDACTED_VALUE,
      team: 'a',
    });
  });

  it('leaves other kinds alone', () => {
    const configMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: 'b' } };
    expect(redactSecret(configMap)).toBe(configMap);
  });
});

describe('redactOperation', () => {
  it('redacts the plan and takes its values out of the request, diff, result and step outcomes', () => {
    const operation = Operation.parse({
      id: '3f1c8a52-5f0e-4b8e-9d4c-2b1d7f0e6a11',
      request: plan.request,
      plan,
      risk: 'write',
      risk_reasons: [],
      diff: `+  password: ${btoa('changeme')}\n`,
      state: 'APPLIED',
      proposed_by: 'alice',
      steps: [{ index: 0, description: 'create', status: 'applied', message: 'password changeme set' }],
      result: 'user app created',
      created_at: '2026-01-25T10:00:00.000Z',
      updated_at: '2026-01-25T10:00:00.000Z',
    });
    const redacted = redactOperation(operation);
    const text = JSON.stringify(redacted);
    for (const value of ['changeme', btoa('changeme'), 's3cr3t-t0ken']) expect(text).not.toContain(value);
    expect(redacted.result).toBe(`user ${REDACTED_VALUE} created`);
    expect(Operation.parse(redacted)).toEqual(redacted);
  });
});
