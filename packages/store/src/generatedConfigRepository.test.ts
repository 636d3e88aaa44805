import { ConflictError, InputError } from '@opspilot/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from './openStore.js';
import { DIALECTS, openTestStore, type TestStore } from './testing/index.js';

describe.each(DIALECTS)('generated configurations on %s', (dialect) => {
  let t: TestStore;
  let store: Store;
  beforeAll(async () => {
    t = await openTestStore(dialect);
    store = t.store;
  });
  afterAll(async () => t?.cleanup());

  const create = () =>
    store.generatedConfigs.create({
      file_path: 'k8s/service.yaml',
      content: 'kind: Service',
      generator_tool: 'opspilot',
      resource_type: 'Service',
    });

  it('starts GENERATED and moves only along the seed-000 state machine', async () => {
    const cfg = await create();
    expect(cfg.state).toBe('GENERATED');
    for (const state of ['VALIDATION', 'NEEDS_REVIEW', 'APPROVED', 'APPLIED'] as const) {
      expect((await store.generatedConfigs.transition(cfg.id, state)).state).toBe(state);
    }
    const other = await create();
    await store.generatedConfigs.transition(other.id, 'VALIDATION');
    await expect(store.generatedConfigs.transition(other.id, 'APPLIED')).rejects.toBeInstanceOf(ConflictError);
    expect((await store.generatedConfigs.get(other.id)).state).toBe('VALIDATION');
    await expect(store.generatedConfigs.transition(other.id, 'DONE' as never)).rejects.toBeInstanceOf(InputError);
  });

  it('refuses a state change through update but allows other edits', async () => {
    const cfg = await create();
    await expect(store.generatedConfigs.update(cfg.id, { state: 'APPLIED' })).rejects.toMatchObject({
      name: 'InputError',
      hint: expect.stringContaining('transition'),
    });
    const edited = await store.generatedConfigs.update(cfg.id, { review_notes: 'tighten limits', state: 'GENERATED' });
    expect(edited).toMatchObject({ review_notes: 'tighten limits', state: 'GENERATED' });
  });

  it('lets exactly one of two racing transitions from the same state win', async () => {
    const cfg = await create();
    await store.generatedConfigs.transition(cfg.id, 'VALIDATION');
    const results = await Promise.allSettled([
      store.generatedConfigs.transition(cfg.id, 'NEEDS_REVIEW'),
      store.generatedConfigs.transition(cfg.id, 'INVALID'),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });

  it('stores reviews of a configuration and deletes them with it', async () => {
    const cfg = await create();
    const review = await store.reviews.create({
      generated_config_id: cfg.id,
      reviewer_id: 'bob',
      approval_status: 'NEEDS_CHANGES',
    });
    expect(await store.reviews.get(review.review_id)).toEqual(review);
    expect((await store.reviews.list({ generated_config_id: cfg.id })).items).toEqual([review]);
    await store.generatedConfigs.delete(cfg.id);
    expect(await store.reviews.find(review.review_id)).toBeUndefined();
  });
});
