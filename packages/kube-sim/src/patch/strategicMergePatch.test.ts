import { describe, expect, it } from 'vitest';
import type { JsonObject, JsonValue } from './json.js';
import { patchStrategyFor } from './patchStrategyFor.js';
import { applyStrategicMergePatch } from './strategicMergePatch.js';

const deploymentSchema = patchStrategyFor('apps/v1', 'Deployment');

function patched(target: JsonValue, patch: JsonValue, schema = deploymentSchema): JsonObject {
  const result = applyStrategicMergePatch(target, patch, schema);
  if (!result.ok) throw new Error(`unexpected failure: ${JSON.stringify(result.error)}`);
  return result.value;
}

const podSpec = (spec: JsonObject): JsonObject => ({ spec: { template: { spec } } });
const containersOf = (o: JsonObject) =>
  (o as { spec: { template: { spec: { containers: JsonObject[] } } } }).spec.template.spec.containers;
const names = (items: JsonObject[]) => items.map((i) => i.name);

describe('applyStrategicMergePatch: lists', () => {
  const live = podSpec({
    containers: [
      { name: 'a', image: 'a:1', env: [{ name: 'X', value: '1' }] },
      { name: 'b', image: 'b:1' },
      { name: 'c', image: 'c:1' },
    ],
    tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'team-a', effect: 'NoSchedule' }],
  });

  it('merges containers by name, keeping the fields and items the patch does not mention', () => {
    const out = patched(live, podSpec({ containers: [{ name: 'b', image: 'b:2' }] }));
    expect(containersOf(out)).toEqual([
      { name: 'a', image: 'a:1', env: [{ name: 'X', value: '1' }] },
      { name: 'b', image: 'b:2' },
      { name: 'c', image: 'c:1' },
    ]);
  });

  it('puts a container added by a plain patch first, as the kubectl patch task shows', () => {
    const out = patched(live, podSpec({ containers: [{ name: 'd', image: 'redis' }] }));
    expect(names(containersOf(out))).toEqual(['d', 'a', 'b', 'c']);
  });

  it('orders by $setElementOrder, server-only items keeping their live neighbours', () => {
    const out = patched(live, podSpec({ '$setElementOrder/containers': [{ name: 'c' }, { name: 'a' }] }));
    expect(names(containersOf(out))).toEqual(['b', 'c', 'a']);
    const appended = patched(
      live,
      podSpec({
        '$setElementOrder/containers': [{ name: 'a' }, { name: 'b' }, { name: 'c' }, { name: 'd' }],
        containers: [{ name: 'd', image: 'd:1' }],
      }),
    );
    expect(names(containersOf(appended))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('deletes items with $patch: delete and drops a list left empty', () => {
    const out = patched(live, podSpec({ containers: [{ name: 'a', env: [{ name: 'X', $patch: 'delete' }] }] }));
    expect(containersOf(out)[0]).toEqual({ name: 'a', image: 'a:1' });
    const gone = patched(
      live,
      podSpec({
        containers: [
          { name: 'b', $patch: 'delete' },
          { $patch: 'delete', name: 'zz' },
        ],
      }),
    );
    expect(names(containersOf(gone))).toEqual(['a', 'c']);
  });

  it('replaces a merged list when it carries a $patch: replace element', () => {
    const out = patched(live, podSpec({ containers: [{ name: 'z', image: 'z:1' }, { $patch: 'replace' }] }));
    expect(containersOf(out)).toEqual([{ name: 'z', image: 'z:1' }]);
  });

  it('replaces tolerations and envFrom, which have no patch strategy', () => {
    const out = patched(live, podSpec({ tolerations: [{ key: 'gpu', operator: 'Exists' }] }));
    expect((out.spec as { template: { spec: JsonObject } }).template.spec.tolerations).toEqual([
      { key: 'gpu', operator: 'Exists' },
    ]);
    const withEnvFrom = podSpec({ containers: [{ name: 'a', envFrom: [{ configMapRef: { name: 'one' } }] }] });
    const replaced = patched(
      withEnvFrom,
      podSpec({ containers: [{ name: 'a', envFrom: [{ secretRef: { name: 's' } }] }] }),
    );
    expect(containersOf(replaced)[0]?.envFrom).toEqual([{ secretRef: { name: 's' } }]);
  });

  it('merges container ports by containerPort and volume mounts by mountPath, in the patch order', () => {
    const withPorts = podSpec({
      containers: [
        {
          name: 'a',
          ports: [{ containerPort: 80, protocol: 'TCP' }],
          volumeMounts: [{ mountPath: '/data', name: 'data' }],
        },
      ],
    });
    const out = patched(
      withPorts,
      podSpec({
        containers: [
          {
            name: 'a',
            ports: [{ containerPort: 80, name: 'http' }, { containerPort: 9090 }],
            volumeMounts: [{ mountPath: '/data', readOnly: true }],
          },
        ],
      }),
    );
    expect(containersOf(out)[0]).toEqual({
      name: 'a',
      ports: [{ containerPort: 80, protocol: 'TCP', name: 'http' }, { containerPort: 9090 }],
      volumeMounts: [{ mountPath: '/data', name: 'data', readOnly: true }],
    });
  });

  it('merges finalizers as a set and removes with $deleteFromPrimitiveList', () => {
    const withFinalizers = { metadata: { name: 'x', finalizers: ['a', 'b'] } };
    expect(patched(withFinalizers, { metadata: { finalizers: ['b', 'c'] } }).metadata).toEqual({
      name: 'x',
      finalizers: ['a', 'b', 'c'],
    });
    const removed = patched(withFinalizers, { metadata: { '$deleteFromPrimitiveList/finalizers': ['a'] } });
    expect(removed.metadata).toEqual({ name: 'x', finalizers: ['b'] });
    const reordered = patched(withFinalizers, { metadata: { '$setElementOrder/finalizers': ['b', 'a'] } });
    expect(reordered.metadata).toEqual({ name: 'x', finalizers: ['b', 'a'] });
  });

  it('merges owner references by uid and service ports by port', () => {
    const owned = { metadata: { ownerReferences: [{ uid: 'u1', kind: 'ReplicaSet', name: 'a' }] } };
    expect(
      patched(owned, {
        metadata: {
          ownerReferences: [
            { uid: 'u1', controller: true },
            { uid: 'u2', name: 'b' },
          ],
        },
      }).metadata,
    ).toEqual({
      ownerReferences: [
        { uid: 'u1', kind: 'ReplicaSet', name: 'a', controller: true },
        { uid: 'u2', name: 'b' },
      ],
    });
    const service = { spec: { ports: [{ port: 80, targetPort: 8080, protocol: 'TCP' }] } };
    const out = patched(service, { spec: { ports: [{ port: 80, name: 'http' }] } }, patchStrategyFor('v1', 'Service'));
    expect(out.spec).toEqual({ ports: [{ port: 80, targetPort: 8080, protocol: 'TCP', name: 'http' }] });
  });

  it('merges the pod spec of every pod template, cron jobs included', () => {
    const cronJob: JsonObject = {
      spec: {
        jobTemplate: { spec: { template: { spec: { containers: [{ name: 'a', image: 'a:1' }, { name: 'b' }] } } } },
      },
    };
    const out = patched(
      cronJob,
      { spec: { jobTemplate: { spec: { template: { spec: { containers: [{ name: 'a', image: 'a:2' }] } } } } } },
      patchStrategyFor('batch/v1', 'CronJob'),
    );
    expect(out).toEqual({
      spec: {
        jobTemplate: { spec: { template: { spec: { containers: [{ name: 'a', image: 'a:2' }, { name: 'b' }] } } } },
      },
    });
  });

  it('merges status conditions by type', () => {
    const pod = {
      status: {
        conditions: [
          { type: 'Ready', status: 'False' },
          { type: 'PodScheduled', status: 'True' },
        ],
      },
    };
    const out = patched(
      pod,
      { status: { conditions: [{ type: 'Ready', status: 'True' }] } },
      patchStrategyFor('v1', 'Pod'),
    );
    expect(out.status).toEqual({
      conditions: [
        { type: 'Ready', status: 'True' },
        { type: 'PodScheduled', status: 'True' },
      ],
    });
  });

  it('strips directives from items the live object does not have yet', () => {
    const out = patched(
      podSpec({ containers: [{ name: 'a' }] }),
      podSpec({
        containers: [
          {
            name: 'b',
            env: [
              { name: 'GONE', $patch: 'delete' },
              { name: 'KEPT', value: '1' },
            ],
          },
        ],
      }),
    );
    expect(containersOf(out)[0]).toEqual({ name: 'b', env: [{ name: 'KEPT', value: '1' }] });
  });
});

describe('applyStrategicMergePatch: maps', () => {
  it('deletes on null and with $patch: delete, replaces with $patch: replace', () => {
    const live = { spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } }, paused: true } };
    expect(patched(live, { spec: { paused: null } })).toEqual({ spec: { strategy: live.spec.strategy } });
    expect(patched(live, { spec: { strategy: { rollingUpdate: { $patch: 'delete' } } } })).toEqual({
      spec: { strategy: { type: 'RollingUpdate' }, paused: true },
    });
    expect(patched(live, { spec: { strategy: { $patch: 'replace', type: 'Recreate' } } })).toEqual({
      spec: { strategy: { type: 'Recreate' }, paused: true },
    });
    expect(patched(live, { spec: { strategy: { $patch: 'merge', type: 'Recreate' } } }).spec).toMatchObject({
      strategy: { type: 'Recreate', rollingUpdate: { maxSurge: 1 } },
    });
    expect(patched(live, { $patch: 'delete' })).toEqual({});
  });

  it('clears the fields not in $retainKeys, as kubectl apply sends for a deployment strategy', () => {
    const live = { spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } } } };
    expect(patched(live, { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } })).toEqual({
      spec: { strategy: { type: 'Recreate' } },
    });
    const refused = applyStrategicMergePatch(
      live,
      { spec: { strategy: { $retainKeys: ['type'], rollingUpdate: {} } } },
      deploymentSchema,
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 422, reason: 'Invalid' } });
  });

  it('never changes its inputs', () => {
    const live = podSpec({ containers: [{ name: 'a', image: 'a:1' }] });
    const patch = podSpec({ containers: [{ name: 'a', image: 'a:2' }] });
    const before = structuredClone([live, patch]);
    const out = patched(live, patch);
    containersOf(out)[0]!.image = 'changed';
    expect([live, patch]).toEqual(before);
  });
});

describe('applyStrategicMergePatch: refusals', () => {
  it('refuses custom resources with 415 as the API server does', () => {
    const result = applyStrategicMergePatch({}, {}, patchStrategyFor('example.com/v1', 'Widget'));
    expect(result).toMatchObject({ ok: false, error: { code: 415, reason: 'UnsupportedMediaType' } });
    if (!result.ok) expect(result.error.message).toMatch(/^the body of the request was in an unknown format/);
  });

  it('answers 400 for malformed directives and items without their merge key', () => {
    const live = podSpec({ containers: [{ name: 'a' }] });
    const bad: JsonObject[] = [
      [1] as unknown as JsonObject,
      podSpec({ containers: [{ image: 'no-name' }] }),
      podSpec({ containers: [{ name: 'a', $patch: 'merge' }] }),
      podSpec({ containers: [{ name: 'a', $patch: 'explode' }] }),
      podSpec({ '$setElementOrder/containers': 'a' }),
      podSpec({ '$setElementOrder/containers': [{ name: 'a' }], containers: [{ name: 'b' }] }),
      { metadata: { '$deleteFromPrimitiveList/finalizers': 'a' } },
      { metadata: { finalizers: [{ a: 1 }] } },
      { spec: { $patch: 'sideways' } },
      { spec: { strategy: { $retainKeys: 'type' } } },
    ];
    for (const patch of bad) {
      expect(applyStrategicMergePatch(live, patch, deploymentSchema), JSON.stringify(patch)).toMatchObject({
        ok: false,
        error: { code: 400, reason: 'BadRequest' },
      });
    }
  });
});
