import { randomUUID } from 'node:crypto';
import { ConflictError, InputError, NotFoundError } from '@opspilot/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from './openStore.js';
import { DIALECTS, openTestStore, type TestStore } from './testing/index.js';

const step = { id: 's1', name: 'restart', action: 'deployment:restart', effect: 'WRITE' as const };

describe.each(DIALECTS)('generic repositories on %s', (dialect) => {
  let t: TestStore;
  let store: Store;
  beforeAll(async () => {
    t = await openTestStore(dialect);
    store = t.store;
  });
  afterAll(async () => t?.cleanup());

  it('migrates once: a second run applies nothing', async () => {
    expect(await store.migrate()).toEqual({ applied: [] });
  });

  it('creates with defaults, reads back, updates (stamping updated_at) and deletes', async () => {
    const runbook = await store.runbooks.create({ name: 'crud', steps: [step] });
    expect(runbook).toMatchObject({ auto_execute: false, requires_approval: true, trigger_conditions: {} });
    expect(runbook.created_at).toBe(runbook.updated_at);
    expect(await store.runbooks.get(runbook.id)).toEqual(runbook);
    await new Promise((r) => setTimeout(r, 5));
    const updated = await store.runbooks.update(runbook.id, { description: 'restarts pods', auto_execute: true });
    expect(updated.updated_at > runbook.updated_at).toBe(true);
    expect(await store.runbooks.get(runbook.id)).toEqual(updated);
    await store.runbooks.delete(runbook.id);
    await expect(store.runbooks.get(runbook.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(store.runbooks.delete(runbook.id)).rejects.toMatchObject({ hint: expect.stringContaining('list') });
    await expect(store.runbooks.update(runbook.id, {})).rejects.toBeInstanceOf(NotFoundError);
  });

  it('round-trips JSON, boolean, integer, real and absent optional columns exactly', async () => {
    const resource = await store.kubernetesResources.create({
      kind: 'Deployment',
      api_version: 'apps/v1',
      name: 'backend',
      parameters: { replicas: 3, resources: { limits: { memory: '512Mi' } }, ports: [8000] },
      labels: { app: 'backend' },
      health: { ready: false, message: 'rolling out' },
    });
    const read = await store.kubernetesResources.get(resource.id);
    expect(read).toEqual(resource);
    expect('namespace' in read).toBe(false);
    const image = await store.dockerImages.create({
      name: 'ghcr.io/acme/api',
      tag: '1.0.0',
      base_image: 'node:20-slim',
      size_bytes: 5_000_000_000,
    });
    expect((await store.dockerImages.get(image.id)).size_bytes).toBe(5_000_000_000);
    const policy = await store.securityPolicies.create({ name: 'p-bool', rules: [], enabled: false });
    expect((await store.securityPolicies.get(policy.id)).enabled).toBe(false);
  });

  it('paginates newest first and filters by equality and by range', async () => {
    const pipeline = await store.pipelines.create({ name: 'paging', config: { stages: ['test'] } });
    for (let i = 0; i < 25; i++) {
      await store.pipelineRuns.insert({
        id: randomUUID(),
        pipeline_id: pipeline.id,
        status: i % 5 === 0 ? 'FAILED' : 'SUCCEEDED',
        trigger: 'push',
        stages: [],
        created_at: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
      });
    }
    const page2 = await store.pipelineRuns.list({ pipeline_id: pipeline.id }, { page: 2, page_size: 10 });
    expect(page2).toMatchObject({ total: 25, page: 2, page_size: 10, total_pages: 3 });
    expect(page2.items.map((r) => r.created_at.slice(11, 16))).toEqual(
      Array.from({ length: 10 }, (_, k) => `00:${String(14 - k).padStart(2, '0')}`),
    );
    expect((await store.pipelineRuns.list({ pipeline_id: pipeline.id, status: 'FAILED' })).total).toBe(5);
    const window = await store.pipelineRuns.list({
      pipeline_id: pipeline.id,
      created_at: { gte: '2026-01-01T00:10:00.000Z', lt: '2026-01-01T00:20:00.000Z' },
    });
    expect(window.total).toBe(10);
    expect((await store.pipelineRuns.list({ pipeline_id: pipeline.id }, { page: 9 })).items).toEqual([]);
  });

  it('refuses bad pages, unknown filter columns and JSON columns as InputError', async () => {
    await expect(store.pipelineRuns.list({}, { page_size: 101 })).rejects.toBeInstanceOf(InputError);
    await expect(store.pipelineRuns.list({}, { page: 0 })).rejects.toBeInstanceOf(InputError);
    await expect(store.pipelineRuns.list({ colour: 'red' })).rejects.toMatchObject({
      hint: expect.stringContaining('pipeline_id'),
    });
    await expect(store.pipelineRuns.list({ stages: 'x' })).rejects.toBeInstanceOf(InputError);
    await expect(store.pipelineRuns.list({ created_at: { near: 'x' } as never })).rejects.toBeInstanceOf(InputError);
  });

  it('turns invalid input, duplicates and dangling references into typed errors', async () => {
    await expect(store.runbooks.create({ name: '', steps: [] })).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringContaining('steps'),
    });
    const image = { name: 'ghcr.io/acme/web', tag: '2.0.0', base_image: 'nginx:1.27' };
    const first = await store.dockerImages.create(image);
    await expect(store.dockerImages.create(image)).rejects.toBeInstanceOf(ConflictError);
    await expect(store.dockerImages.insert(first)).rejects.toBeInstanceOf(ConflictError);
    await store.runbooks.create({ name: 'unique-name', steps: [step] });
    await expect(store.runbooks.create({ name: 'unique-name', steps: [step] })).rejects.toMatchObject({
      name: 'ConflictError',
      hint: expect.stringContaining('another'),
    });
    await expect(store.pipelineRuns.create({ pipeline_id: randomUUID(), trigger: 'push' })).rejects.toBeInstanceOf(
      ConflictError,
    );
  });

  it('cascades a parent delete to its children through the foreign keys', async () => {
    const pipeline = await store.pipelines.create({ name: 'cascade', config: {} });
    const run = await store.pipelineRuns.create({ pipeline_id: pipeline.id });
    const test = await store.testIntelligence.create({ pipeline_id: pipeline.id, test_id: 't::cascade' });
    await store.pipelines.delete(pipeline.id);
    expect(await store.pipelineRuns.find(run.id)).toBeUndefined();
    expect((await store.testIntelligence.get(test.id)).pipeline_id).toBeUndefined();
  });

  it('rolls a transaction back entirely when it throws, and joins an enclosing one', async () => {
    const before = (await store.runbooks.list()).total;
    await expect(
      store.transaction(async (tx) => {
        await tx.runbooks.create({ name: 'rolled-back', steps: [step] });
        await tx.transaction(async (inner) => inner.runbooks.create({ name: 'rolled-back-inner', steps: [step] }));
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect((await store.runbooks.list()).total).toBe(before);
    const kept = await store.transaction((tx) => tx.runbooks.create({ name: 'committed', steps: [step] }));
    expect(await store.runbooks.get(kept.id)).toEqual(kept);
  });
});
