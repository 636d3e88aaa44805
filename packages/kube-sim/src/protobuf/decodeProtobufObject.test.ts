import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StatusError } from '../api/statusError.js';
import { decodeProtobufObject } from './decodeProtobufObject.js';

/** Bodies real kubectl 1.35 sent for imperative commands, captured from the wire. */
const fixture = (name: string) => readFileSync(join(import.meta.dirname, '__fixtures__', `${name}.bin`));

function varint(value: number | bigint): Buffer {
  let v = BigInt.asUintN(64, BigInt(value));
  const out: number[] = [];
  do {
    const byte = Number(v & 0x7fn);
    v >>= 7n;
    out.push(v > 0n ? byte | 0x80 : byte);
  } while (v > 0n);
  return Buffer.from(out);
}
const num = (field: number, value: number | bigint) => Buffer.concat([varint(field << 3), varint(value)]);
const bytes = (field: number, value: Buffer | string) => {
  const b = Buffer.isBuffer(value) ? value : Buffer.from(value);
  return Buffer.concat([varint((field << 3) | 2), varint(b.length), b]);
};
const envelope = (apiVersion: string, kind: string, raw: Buffer) =>
  Buffer.concat([
    Buffer.from('k8s\u0000', 'latin1'),
    bytes(1, Buffer.concat([bytes(1, apiVersion), bytes(2, kind)])),
    bytes(2, raw),
  ]);

function statusOf(fn: () => unknown): { code: number; message: string } {
  try {
    fn();
  } catch (error) {
    if (error instanceof StatusError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a StatusError');
}

describe('decodeProtobufObject', () => {
  it('decodes kubectl create deployment into the JSON kubectl would have sent', () => {
    expect(decodeProtobufObject(fixture('create-deployment'))).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', labels: { app: 'web' } },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80 }], resources: {} }] },
        },
        strategy: {},
      },
    });
  });

  it('decodes maps, bytes, repeated strings, int-or-string ports and inlined messages', () => {
    expect(decodeProtobufObject(fixture('create-secret-generic'))).toMatchObject({
      kind: 'Secret',
      data: { password: Buffer.from('s3cret').toString('base64') },
    });
    expect(decodeProtobufObject(fixture('create-configmap'))).toMatchObject({ data: { a: 'b', c: 'd' } });
    expect(decodeProtobufObject(fixture('create-job'))).toMatchObject({
      spec: { template: { spec: { containers: [{ command: ['echo', 'hi'] }], restartPolicy: 'Never' } } },
    });
    expect(decodeProtobufObject(fixture('create-service-clusterip'))).toMatchObject({
      spec: { ports: [{ name: '80-8080', protocol: 'TCP', port: 80, targetPort: 8080 }], type: 'ClusterIP' },
    });
    expect(decodeProtobufObject(fixture('create-ingress'))).toMatchObject({
      spec: { rules: [{ host: 'foo.com', http: { paths: [{ path: '/bar', pathType: 'Exact' }] } }] },
    });
    expect(decodeProtobufObject(fixture('create-pdb'))).toMatchObject({ spec: { minAvailable: 1 } });
  });

  it('decodes the autoscaling/v2 HorizontalPodAutoscaler of kubectl autoscale', () => {
    expect(decodeProtobufObject(fixture('autoscale'))).toEqual({
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'backend', namespace: 'todo' },
      spec: {
        scaleTargetRef: { kind: 'Deployment', name: 'backend', apiVersion: 'apps/v1' },
        minReplicas: 2,
        maxReplicas: 5,
        metrics: [
          { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } },
        ],
      },
    });
  });

  it('keeps zero values of pointer fields and decodes an Eviction with its DeleteOptions', () => {
    const deleteOptions = Buffer.concat([
      num(1, 0),
      bytes(2, Buffer.concat([bytes(1, 'uid-1')])),
      bytes(4, 'Foreground'),
      bytes(5, 'All'),
    ]);
    const eviction = Buffer.concat([
      bytes(1, Buffer.concat([bytes(1, 'web-1'), bytes(3, 'default')])),
      bytes(2, deleteOptions),
    ]);
    expect(decodeProtobufObject(envelope('policy/v1', 'Eviction', eviction))).toEqual({
      apiVersion: 'policy/v1',
      kind: 'Eviction',
      metadata: { name: 'web-1', namespace: 'default' },
      deleteOptions: {
        gracePeriodSeconds: 0,
        preconditions: { uid: 'uid-1' },
        propagationPolicy: 'Foreground',
        dryRun: ['All'],
      },
    });
    const zeroReplicas = Buffer.concat([bytes(1, bytes(1, 'idle')), bytes(2, Buffer.concat([num(1, 0), num(5, 0)]))]);
    expect(decodeProtobufObject(envelope('apps/v1', 'Deployment', zeroReplicas)).spec).toEqual({ replicas: 0 });
    const negative = Buffer.concat([bytes(1, bytes(1, 'p')), num(2, -5)]);
    expect(decodeProtobufObject(envelope('scheduling.k8s.io/v1', 'PriorityClass', negative)).value).toBe(-5);
  });

  it('answers a clear 415 for kinds without a schema and a 400 for malformed bodies', () => {
    expect(statusOf(() => decodeProtobufObject(fixture('create-token')))).toEqual({
      code: 415,
      message:
        'the simulated cluster does not decode protobuf bodies of TokenRequest (authentication.k8s.io/v1); use `kubectl create -f FILE` or `kubectl apply -f FILE` with YAML or JSON',
    });
    expect(statusOf(() => decodeProtobufObject(Buffer.from('{"kind":"Pod"}'))).code).toBe(400);
    const truncated = fixture('create-deployment').subarray(0, 60);
    expect(statusOf(() => decodeProtobufObject(truncated)).code).toBe(400);
  });
});
