import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from './json.js';
import { applyMergePatch } from './mergePatch.js';
import { recordUpdate } from './recordUpdate.js';
import { type ServerSideApplyInput, type ServerSideApplySuccess, serverSideApply } from './serverSideApply.js';

const requests = JSON.parse(
  readFileSync(join(import.meta.dirname, '__fixtures__', 'kubectl-1.32-requests.json'), 'utf8'),
) as Record<string, { body: JsonObject; fieldManager?: string }>;
/** What `kubectl apply --server-side -f` sent (field manager `kubectl`). */
const config = requests['server-side-apply']!.body;
const T0 = '2026-01-10T10:00:00Z';
const T1 = '2026-01-10T11:00:00Z';

function apply(input: Partial<ServerSideApplyInput> & { applied: JsonObject }): ServerSideApplySuccess {
  const result = serverSideApply({ live: undefined, manager: 'kubectl', now: T0, ...input });
  if (!result.ok) throw new Error(result.message);
  return result;
}

const withReplicas = (n: number) => applyMergePatch(config, { spec: { replicas: n } }) as JsonObject;
const spec = (o: JsonObject) => o.spec as { replicas: number; template: { spec: { containers: JsonObject[] } } };
const managers = (o: JsonObject) =>
  ((o.metadata as JsonObject).managedFields as JsonObject[]).map((m) => `${m.manager}/${m.operation}`);

describe('serverSideApply: create and re-apply', () => {
  const created = apply({ applied: config });

  it('creates the object and records the applier as owner of exactly what it sent', () => {
    expect(requests['server-side-apply']!.fieldManager).toBe('kubectl');
    expect(created.changed).toBe(true);
    expect(spec(created.object).replicas).toBe(2);
    expect(created.managedFields).toEqual([
      {
        manager: 'kubectl',
        operation: 'Apply',
        apiVersion: 'apps/v1',
        time: T0,
        fieldsType: 'FieldsV1',
        fieldsV1: {
          'f:metadata': { 'f:labels': { 'f:app': {} } },
          'f:spec': {
            'f:replicas': {},
            'f:selector': {},
            'f:template': {
              'f:metadata': { 'f:labels': { 'f:app': {} } },
              'f:spec': {
                'f:containers': {
                  'k:{"name":"api"}': {
                    '.': {},
                    'f:image': {},
                    'f:name': {},
                    'f:ports': { 'k:{"containerPort":8080,"protocol":"TCP"}': { '.': {}, 'f:containerPort': {} } },
                  },
                },
              },
            },
          },
        },
      },
    ]);
    expect((created.object.metadata as JsonObject).managedFields).toEqual(created.managedFields);
  });

  it('re-applying the same configuration changes nothing, not even the time', () => {
    const again = apply({ live: created.object, applied: config, now: T1 });
    expect(again.changed).toBe(false);
    expect(again.managedFields).toEqual(created.managedFields);
  });

  it('keeps defaulted fields and matches a port without protocol to the defaulted TCP one', () => {
    const live = structuredClone(created.object);
    const container = spec(live).template.spec.containers[0]!;
    Object.assign(container, { imagePullPolicy: 'IfNotPresent', ports: [{ containerPort: 8080, protocol: 'TCP' }] });
    const out = apply({ live, applied: config, now: T1 });
    expect(out.changed).toBe(false);
    expect(spec(out.object).template.spec.containers[0]).toMatchObject({
      imagePullPolicy: 'IfNotPresent',
      ports: [{ containerPort: 8080, protocol: 'TCP' }],
    });
  });

  it('does not change its inputs', () => {
    const live = structuredClone(created.object);
    const applied = withReplicas(7);
    const before = structuredClone([live, applied]);
    apply({ live, applied });
    expect([live, applied]).toEqual(before);
  });
});

describe('serverSideApply: conflicts', () => {
  const created = apply({ applied: config }).object;
  /** `kubectl scale --replicas=5`: a merge patch to /scale with no field manager, so the user agent's `kubectl`. */
  const scaled = recordUpdate({
    before: created,
    after: applyMergePatch(created, { spec: { replicas: 5 } }) as JsonObject,
    manager: 'kubectl',
    subresource: 'scale',
    now: T1,
  }).object;

  it('conflicts with the manager that scaled, naming it as the API server does', () => {
    const result = serverSideApply({ live: scaled, applied: withReplicas(3), manager: 'kubectl', now: T1 });
    expect(result).toEqual({
      ok: false,
      code: 409,
      reason: 'Conflict',
      message:
        'Apply failed with 1 conflict: conflict with "kubectl" with subresource "scale" using apps/v1: .spec.replicas',
      conflicts: [
        {
          manager: 'kubectl',
          field: '.spec.replicas',
          message: 'conflict with "kubectl" with subresource "scale" using apps/v1',
        },
      ],
    });
  });

  it('does not conflict when the value agrees, and both managers then own the field', () => {
    const out = apply({ live: scaled, applied: withReplicas(5), now: T1 });
    expect(managers(out.object)).toEqual(['kubectl/Apply', 'kubectl/Update']);
    expect(out.managedFields[1]).toMatchObject({ subresource: 'scale', fieldsV1: { 'f:spec': { 'f:replicas': {} } } });
  });

  it('takes the field over with force, leaving the other manager without it', () => {
    const out = apply({ live: scaled, applied: withReplicas(3), force: true, now: T1 });
    expect(spec(out.object).replicas).toBe(3);
    expect(managers(out.object)).toEqual(['kubectl/Apply']);
  });

  it('conflicts with client-side apply over an image, and lists several conflicts by manager', () => {
    const csa = recordUpdate({
      before: undefined,
      after: config,
      manager: 'kubectl-client-side-apply',
      now: T0,
    }).object;
    const changed = structuredClone(config);
    Object.assign(spec(changed).template.spec.containers[0]!, { image: 'ghcr.io/opspilot/api:2.0' });
    spec(changed).replicas = 4;
    const result = serverSideApply({ live: csa, applied: changed, manager: 'ops', now: T1 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.conflicts.map((c) => c.field)).toEqual([
      '.spec.replicas',
      '.spec.template.spec.containers[name="api"].image',
    ]);
    expect(result.message).toBe(
      'Apply failed with 2 conflicts: conflicts with "kubectl-client-side-apply" using apps/v1:\n- .spec.replicas\n- .spec.template.spec.containers[name="api"].image',
    );
  });

  it('conflicts with another applier by name alone', () => {
    const other = apply({ live: created, applied: withReplicas(2), manager: 'argocd' }).object;
    const result = serverSideApply({ live: other, applied: withReplicas(6), manager: 'kubectl', now: T1 });
    expect(result).toMatchObject({
      ok: false,
      message: 'Apply failed with 1 conflict: conflict with "argocd": .spec.replicas',
    });
  });
});

describe('serverSideApply: fields the applier stops sending', () => {
  const full = applyMergePatch(config, {
    metadata: { labels: { tier: 'backend' }, finalizers: ['example.com/keep'] },
  }) as JsonObject;
  spec(full).template.spec.containers.push({ name: 'sidecar', image: 'envoy:1.30', env: [{ name: 'A', value: '1' }] });
  const created = apply({ applied: full }).object;

  it('removes them when nobody else owns them, and drops maps left empty', () => {
    const out = apply({ live: created, applied: config, now: T1 }).object;
    expect((out.metadata as JsonObject).labels).toEqual({ app: 'api' });
    expect((out.metadata as JsonObject).finalizers).toBeUndefined();
    expect(spec(out).template.spec.containers.map((c) => c.name)).toEqual(['api']);
  });

  it('keeps them when another manager owns them', () => {
    const labelled = recordUpdate({
      before: created,
      after: applyMergePatch(created, { metadata: { labels: { tier: 'backend-2' } } }) as JsonObject,
      manager: 'kubectl-label',
      now: T1,
    }).object;
    const out = apply({ live: labelled, applied: config, now: T1 }).object;
    expect((out.metadata as JsonObject).labels).toEqual({ app: 'api', tier: 'backend-2' });
  });

  it('keeps fields nobody applied, such as defaults and controller-set annotations', () => {
    const live = applyMergePatch(created, {
      metadata: { annotations: { 'deployment.kubernetes.io/revision': '1' } },
      spec: { revisionHistoryLimit: 10 },
    }) as JsonObject;
    const out = apply({ live, applied: config, now: T1 }).object;
    expect(out.metadata).toMatchObject({ annotations: { 'deployment.kubernetes.io/revision': '1' } });
    expect(out.spec).toMatchObject({ revisionHistoryLimit: 10 });
  });
});

describe('serverSideApply: merging', () => {
  it('merges containers by name, keeping live-only items in place and adding new ones after', () => {
    const live = apply({ applied: config }).object;
    spec(live).template.spec.containers.push({ name: 'injected', image: 'mesh:1' });
    const next = structuredClone(config);
    spec(next).template.spec.containers.push({ name: 'worker', image: 'worker:1' });
    const out = apply({ live, applied: next, now: T1 }).object;
    expect(spec(out).template.spec.containers.map((c) => c.name)).toEqual(['api', 'injected', 'worker']);
  });

  it('treats custom resources as maps with atomic lists, finalizers still a set', () => {
    const cr = {
      apiVersion: 'example.com/v1',
      kind: 'Widget',
      metadata: { name: 'w', finalizers: ['a'] },
      spec: { sizes: [1, 2], options: { color: 'red' } },
    };
    const created = apply({ applied: cr, manager: 'operator' });
    expect(created.managedFields[0]?.fieldsV1).toEqual({
      'f:metadata': { 'f:finalizers': { 'v:"a"': {} } },
      'f:spec': { 'f:options': { 'f:color': {} }, 'f:sizes': {} },
    });
    const out = apply({
      live: created.object,
      applied: { ...cr, metadata: { name: 'w', finalizers: ['b'] }, spec: { sizes: [3] } },
      manager: 'other',
      force: true,
    }).object;
    expect(out.spec).toEqual({ sizes: [3], options: { color: 'red' } });
    expect((out.metadata as JsonObject).finalizers).toEqual(['a', 'b']);
  });

  it('unsets a field applied as null', () => {
    const out = apply({ applied: config }).object;
    const next = structuredClone(config);
    (next.metadata as JsonObject).labels = null;
    expect((apply({ live: out, applied: next, now: T1 }).object.metadata as JsonObject).labels).toBeUndefined();
  });
});

describe('serverSideApply: refusals', () => {
  it('refuses managedFields in the configuration (400) and keyed items without or with repeated keys (422)', () => {
    expect(
      serverSideApply({
        live: undefined,
        applied: { ...config, metadata: { name: 'api', managedFields: [{}] } },
        manager: 'm',
        now: T0,
      }),
    ).toMatchObject({ ok: false, code: 400, message: 'metadata.managedFields must be nil' });
    const noName = applyMergePatch(config, {
      spec: { template: { spec: { containers: [{ image: 'x' }] } } },
    }) as JsonObject;
    expect(serverSideApply({ live: undefined, applied: noName, manager: 'm', now: T0 })).toMatchObject({
      ok: false,
      code: 422,
      message: expect.stringContaining('omits key field "name"'),
    });
    const twice = applyMergePatch(config, {
      spec: { template: { spec: { containers: [{ name: 'a' }, { name: 'a' }] } } },
    }) as JsonObject;
    expect(serverSideApply({ live: undefined, applied: twice, manager: 'm', now: T0 })).toMatchObject({
      ok: false,
      code: 422,
      message: '.spec.template.spec.containers: duplicate entries for key {"name":"a"}',
    });
  });
});

describe('serverSideApply: upgrading from client-side apply', () => {
  const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
  /** What client-side `kubectl apply` leaves: the annotation, and `kubectl-client-side-apply` owning the fields. */
  const annotated = applyMergePatch(config, {
    metadata: { annotations: { [LAST_APPLIED]: `${JSON.stringify(config)}\n` } },
  }) as JsonObject;
  const csa = recordUpdate({
    before: undefined,
    after: annotated,
    manager: 'kubectl-client-side-apply',
    now: T0,
  }).object;
  const changed = applyMergePatch(config, {
    spec: { replicas: 4, template: { spec: { containers: [{ name: 'api', image: 'ghcr.io/opspilot/api:2.0' }] } } },
  }) as JsonObject;

  it('lets kubectl take over the fields listed in last-applied-configuration without a conflict', () => {
    const out = apply({ live: csa, applied: changed, now: T1 });
    expect(spec(out.object).replicas).toBe(4);
    expect(spec(out.object).template.spec.containers[0]!.image).toBe('ghcr.io/opspilot/api:2.0');
    const [applier, updater] = out.managedFields;
    expect(applier).toMatchObject({ manager: 'kubectl', operation: 'Apply' });
    expect(applier!.fieldsV1).toMatchObject({ 'f:spec': { 'f:replicas': {} } });
    expect(JSON.stringify(updater?.fieldsV1)).not.toContain('f:replicas');
    const annotations = (out.object.metadata as JsonObject).annotations as Record<string, string>;
    expect(JSON.parse(annotations[LAST_APPLIED]!)).toMatchObject({ spec: { replicas: 4 } });
  });

  it('still conflicts for another field manager, and on fields last-applied-configuration does not list', () => {
    const other = serverSideApply({ live: csa, applied: changed, manager: 'ops', now: T1 });
    expect(other).toMatchObject({ ok: false, code: 409 });
    const labelled = recordUpdate({
      before: csa,
      after: applyMergePatch(csa, { metadata: { labels: { tier: 'front' } } }) as JsonObject,
      manager: 'kubectl-label',
      now: T1,
    }).object;
    const relabel = applyMergePatch(changed, { metadata: { labels: { tier: 'back' } } }) as JsonObject;
    const refused = serverSideApply({ live: labelled, applied: relabel, manager: 'kubectl', now: T1 });
    expect(refused).toMatchObject({
      ok: false,
      message: 'Apply failed with 1 conflict: conflict with "kubectl-label" using apps/v1: .metadata.labels.tier',
    });
  });
});
