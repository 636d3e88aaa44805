import { describe, expect, it } from 'vitest';
import { redact } from './redactSecrets.js';
import { REDACTED } from './secretShapes.js';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const secret = {
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name: 'db-creds', namespace: 'todo' },
  data: { password: 'aHVudGVyMg==' },
  stringData: { url: 'x' },
};

describe('redact', () => {
  it('blanks Secret data and stringData, keeping the keys', () => {
    expect(redact(secret)).toMatchObject({
      metadata: { name: 'db-creds' },
      data: { password: REDACTED },
      stringData: { url: REDACTED },
    });
  });

  it('parses the last-applied-configuration annotation of any object and redacts it the same way', () => {
    const applied = {
      ...secret,
      metadata: { ...secret.metadata, annotations: { [LAST_APPLIED]: JSON.stringify(secret) } },
    };
    const deployment = {
      kind: 'Deployment',
      metadata: {
        name: 'backend',
        annotations: {
          [LAST_APPLIED]: JSON.stringify({
            kind: 'Deployment',
            spec: {
              replicas: 3,
              template: {
                spec: { containers: [{ image: 'todo/backend:1.0', env: [{ name: 'API_TOKEN', value: 'tok-9f8e' }] }] },
              },
            },
          }),
        },
      },
    };
    const out = JSON.stringify([redact(applied), redact(deployment)]);
    for (const leaked of ['aHVudGVyMg==', 'tok-9f8e']) expect(out).not.toContain(leaked);
    const kept = JSON.parse(redact(deployment).metadata.annotations[LAST_APPLIED]);
    expect(kept.spec).toMatchObject({
      replicas: 3,
      template: {
        spec: { containers: [{ image: 'todo/backend:1.0', env: [{ name: 'API_TOKEN', value: REDACTED }] }] },
      },
    });
    expect(
      redact({ metadata: { annotations: { [LAST_APPLIED]: '{not json password=hunter2' } } }).metadata.annotations[
        LAST_APPLIED
      ],
    ).toBe(`{not json password=${REDACTED}`);
  });

  it('redacts values that managedFields repeat in their keys', () => {
    const object = {
      metadata: {
        managedFields: [
          {
            manager: 'kubectl',
            fieldsV1: {
              'f:spec': { 'f:args': { 'v:"--password=hunter2"': {}, 'v:"--port=80"': {} } },
              'f:env': { 'k:{"name":"DB_PASSWORD","value":"hunter3"}': { '.': {} } },
            },
          },
        ],
      },
    };
    const out = JSON.stringify(redact(object));
    expect(out).not.toContain('hunter2');
    expect(out).not.toContain('hunter3');
    expect(out).toContain('--port=80');
    expect(out).toContain('kubectl');
  });

  it('blanks secret-named fields and env values, keeps names, images and numbers', () => {
    const pod = {
      kind: 'Pod',
      metadata: { name: 'backend-1', annotations: { 'x/api-token': 'abc', owner: 'alice' } },
      spec: {
        serviceAccountName: 'backend',
        containers: [
          {
            image: 'ghcr.io/acme/backend:1.4',
            env: [
              { name: 'DB_PASSWORD', value: 'hunter2' },
              { name: 'MODE', value: 'fast' },
              { name: 'GH', valueFrom: { secretKeyRef: { name: 'gh-token', key: 'token' } } },
            ],
          },
        ],
        volumes: [{ name: 'creds', secret: { secretName: 'db-creds' } }],
        replicas: 3,
      },
    };
    expect(redact(pod)).toEqual({
      ...pod,
      metadata: { ...pod.metadata, annotations: { 'x/api-token': REDACTED, owner: 'alice' } },
      spec: {
        ...pod.spec,
        containers: [
          {
            ...pod.spec.containers[0],
            env: [
              { name: 'DB_PASSWORD', value: REDACTED },
              pod.spec.containers[0]!.env[1],
              pod.spec.containers[0]!.env[2],
            ],
          },
        ],
      },
    });
  });

  it('redacts ConfigMap values by key name and by shape', () => {
    const configMap = {
      kind: 'ConfigMap',
      data: { MODE: 'fast', SMTP_PASSWORD: 'p', 'app.ini': 'user=bob\npassword = hunter2\n' },
    };
    expect(redact(configMap).data).toEqual({
      MODE: 'fast',
      SMTP_PASSWORD: REDACTED,
      'app.ini': `user=bob\npassword = ${REDACTED}\n`,
    });
  });
});
