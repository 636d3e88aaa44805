import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from './json.js';
import type { ManagedFieldsEntry } from './managedFields.js';
import { applyMergePatch } from './mergePatch.js';
import { patchStrategyFor } from './patchStrategyFor.js';
import { recordUpdate } from './recordUpdate.js';
import { applyStrategicMergePatch } from './strategicMergePatch.js';

const fixture = (name: string) => JSON.parse(readFileSync(join(import.meta.dirname, '__fixtures__', name), 'utf8'));
const requests = fixture('kubectl-1.32-requests.json') as Record<string, { body: JsonObject }>;
const live = fixture('deployment-web.live.json') as JsonObject;
const T0 = '2026-01-10T09:00:00Z';
const T1 = new Date('2026-01-10T10:30:00.456Z');

const entry = (o: JsonObject, manager: string) =>
  ((o.metadata as JsonObject).managedFields as unknown as ManagedFieldsEntry[]).find((m) => m.manager === manager);
const strategic = (o: JsonObject, name: string) => {
  const r = applyStrategicMergePatch(o, requests[name]!.body, patchStrategyFor('apps/v1', 'Deployment'));
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('recordUpdate', () => {
  const created = recordUpdate({
    before: undefined,
    after: live,
    manager: 'kubectl-client-side-apply',
    now: T0,
  }).object;

  it('gives the creator every field it wrote, maps it created marked with "."', () => {
    const csa = entry(created, 'kubectl-client-side-apply')!;
    expect(csa).toMatchObject({ operation: 'Update', apiVersion: 'apps/v1', time: T0, fieldsType: 'FieldsV1' });
    const fields = csa.fieldsV1 as Record<string, Record<string, JsonObject>>;
    expect(fields['f:metadata']).toEqual({
      'f:annotations': {
        '.': {},
        'f:deployment.kubernetes.io/revision': {},
        'f:kubectl.kubernetes.io/last-applied-configuration': {},
      },
      'f:labels': { '.': {}, 'f:app': {}, 'f:tier': {} },
    });
    expect(fields['f:spec']?.['f:replicas']).toEqual({});
    // A label selector is atomic: owned as one value.
    expect(fields['f:spec']?.['f:selector']).toEqual({});
    expect(JSON.stringify(fields)).not.toContain('f:status');
    expect(JSON.stringify(fields)).not.toContain('f:name":{}}');
  });

  it('moves a field to the manager that changes it: kubectl set image', () => {
    const after = strategic(created, 'set-image');
    const out = recordUpdate({ before: created, after, manager: 'kubectl-set', now: T1 }).object;
    const set = entry(out, 'kubectl-set')!;
    expect(set.time).toBe('2026-01-10T10:30:00Z');
    expect(set.fieldsV1).toEqual({
      'f:spec': { 'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"app"}': { 'f:image': {} } } } } },
    });
    const csa = JSON.stringify(entry(out, 'kubectl-client-side-apply')!.fieldsV1);
    expect(csa).toContain('k:{\\"name\\":\\"app\\"}');
    expect(csa).not.toMatch(/"k:\{\\"name\\":\\"app\\"\}":\{[^}]*"f:image"/);
  });

  it('drops removed fields from every manager and leaves untouched entries alone', () => {
    const after = applyMergePatch(created, { metadata: { labels: { tier: null } } }) as JsonObject;
    const out = recordUpdate({ before: created, after, manager: 'kubectl-label', now: T1 }).object;
    expect(entry(out, 'kubectl-label')).toBeUndefined();
    expect(entry(out, 'kubectl-client-side-apply')!.fieldsV1['f:metadata']).toMatchObject({
      'f:labels': { '.': {}, 'f:app': {} },
    });
    expect(entry(out, 'kubectl-client-side-apply')!.time).toBe(T0);
  });

  it('records nothing for a write that changes nothing', () => {
    const out = recordUpdate({ before: created, after: created, manager: 'kubectl-edit', now: T1 });
    expect(out.managedFields).toEqual((created.metadata as JsonObject).managedFields);
  });

  it('keeps one Update entry per manager and version, refreshing its time', () => {
    const once = recordUpdate({
      before: created,
      after: applyMergePatch(created, { metadata: { annotations: { a: '1' } } }) as JsonObject,
      manager: 'tool',
      now: T0,
    }).object;
    const twice = recordUpdate({
      before: once,
      after: applyMergePatch(once, { metadata: { annotations: { b: '2' } } }) as JsonObject,
      manager: 'tool',
      now: T1,
    }).object;
    const tool = ((twice.metadata as JsonObject).managedFields as unknown as ManagedFieldsEntry[]).filter(
      (m) => m.manager === 'tool',
    );
    expect(tool).toHaveLength(1);
    expect(tool[0]).toMatchObject({
      time: '2026-01-10T10:30:00Z',
      fieldsV1: { 'f:metadata': { 'f:annotations': { 'f:a': {}, 'f:b': {} } } },
    });
  });

  it('takes the managedFields a write sends (client-side to server-side apply migration); [{}] clears them', () => {
    const migrated: ManagedFieldsEntry = {
      manager: 'kubectl',
      operation: 'Apply',
      apiVersion: 'apps/v1',
      time: T0,
      fieldsType: 'FieldsV1',
      fieldsV1: { 'f:spec': { 'f:replicas': {} } },
    };
    const sent = applyMergePatch(created, { metadata: { managedFields: [migrated as unknown as JsonObject] } });
    const out = recordUpdate({ before: created, after: sent as JsonObject, manager: 'kubectl', now: T1 });
    expect(out.managedFields).toEqual([migrated]);
    const cleared = applyMergePatch(created, { metadata: { managedFields: [{}] } }) as JsonObject;
    expect(recordUpdate({ before: created, after: cleared, manager: 'x', now: T1 }).managedFields).toEqual([]);
  });

  it('records a status write under the status subresource, ignoring the spec', () => {
    const after = applyMergePatch(created, { status: { readyReplicas: 1 }, spec: { replicas: 9 } }) as JsonObject;
    const out = recordUpdate({
      before: created,
      after,
      manager: 'kube-controller-manager',
      subresource: 'status',
      now: T1,
    });
    expect(out.managedFields.find((m) => m.manager === 'kube-controller-manager')).toMatchObject({
      subresource: 'status',
      fieldsV1: { 'f:status': { 'f:readyReplicas': {} } },
    });
  });

  it('does not change its inputs', () => {
    const before = structuredClone(created);
    const after = applyMergePatch(created, { spec: { replicas: 3 } }) as JsonObject;
    const copy = structuredClone(after);
    recordUpdate({ before: created, after, manager: 'kubectl', subresource: 'scale', now: T1 });
    expect(created).toEqual(before);
    expect(after).toEqual(copy);
  });
});
