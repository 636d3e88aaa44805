import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_CASES, causeField, without } from '../__fixtures__/builtinObjects.js';
import { type SimCluster, startSimCluster } from '../startSimCluster.js';
import { apiRequest } from '../testing/apiRequest.js';

let sim: SimCluster;
beforeAll(async () => {
  sim = await startSimCluster({ tls: false, controllers: false });
});
afterAll(async () => sim?.stop());

describe('required fields of every built-in kind are checked at admission', () => {
  it.each(Object.entries(BUILTIN_CASES))('%s: refuses each missing required field with 422 naming it', async (_, c) => {
    for (const field of c.required) {
      const r = await apiRequest(sim, c.path, { method: 'POST', body: without(c.object, field) });
      expect(r.code, `${field}: ${r.text}`).toBe(422);
      expect(r.json, field).toMatchObject({ kind: 'Status', reason: 'Invalid', code: 422 });
      const causes = r.json.details.causes as { field: string; reason: string }[];
      expect(causes, `${field}: ${r.text}`).toContainEqual(
        expect.objectContaining({ field: causeField(field), reason: 'FieldValueRequired' }),
      );
      expect(r.json.message).toContain(`${causeField(field)}: Required value`);
    }
    const created = await apiRequest(sim, c.path, { method: 'POST', body: c.object });
    expect(created.code, created.text).toBe(201);
  });

  it('names the missing scaleTargetRef of an autoscaler as the real server does', async () => {
    const r = await apiRequest(sim, '/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers', {
      method: 'POST',
      body: { metadata: { name: 'no-target' }, spec: { maxReplicas: 3 } },
    });
    expect(r.code).toBe(422);
    expect(r.json.message).toBe(
      'HorizontalPodAutoscaler.autoscaling "no-target" is invalid: spec.scaleTargetRef: Required value',
    );
    const bounds = await apiRequest(sim, '/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers', {
      method: 'POST',
      body: {
        metadata: { name: 'bounds' },
        spec: { scaleTargetRef: { kind: 'Deployment', name: 'x' }, minReplicas: 4, maxReplicas: 2 },
      },
    });
    expect(bounds.json.message).toBe(
      'HorizontalPodAutoscaler.autoscaling "bounds" is invalid: spec.maxReplicas: Invalid value: 2: must be greater than or equal to `minReplicas`',
    );
  });

  it('checks a required field on update and patch as on create', async () => {
    const path = '/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers/x';
    const patched = await apiRequest(sim, path, {
      method: 'PATCH',
      contentType: 'application/json-patch+json',
      body: [{ op: 'remove', path: '/spec/scaleTargetRef' }],
    });
    expect(patched.code, patched.text).toBe(422);
    expect(patched.json.message).toContain('spec.scaleTargetRef: Required value');
  });
});
