import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from './openStore.js';
import { DIALECTS, openTestStore, type TestStore } from './testing/index.js';

describe.each(DIALECTS)('alerts on %s', (dialect) => {
  let t: TestStore;
  let store: Store;
  let clusterId: string;
  beforeAll(async () => {
    t = await openTestStore(dialect);
    store = t.store;
    clusterId = (await store.clusters.create({ name: 'alerting', api_server_url: 'https://a.example.com' })).id;
  });
  afterAll(async () => t?.cleanup());

  const firing = (fingerprint: string, cluster_id?: string) => ({
    fingerprint,
    cluster_id,
    alertname: 'HighCPUUsage',
    severity: 'WARNING' as const,
    state: 'FIRING' as const,
    starts_at: '2026-01-15T10:00:00.000Z',
  });

  it('upserts on the fingerprint per cluster, keeping the id and clearing what the update lacks', async () => {
    const first = await store.alerts.upsert({ ...firing('fp-1', clusterId), ends_at: '2026-01-15T10:05:00.000Z' });
    const again = await store.alerts.upsert({ ...firing('fp-1', clusterId), severity: 'CRITICAL' });
    expect(again.id).toBe(first.id);
    expect(again).toMatchObject({ severity: 'CRITICAL' });
    expect(again.ends_at).toBeUndefined();
    expect(await store.alerts.get(first.id)).toEqual(again);
    const elsewhere = await store.alerts.upsert(firing('fp-1'));
    expect(elsewhere.id).not.toBe(first.id);
    expect((await store.alerts.findByFingerprint('fp-1'))?.id).toBe(elsewhere.id);
    expect((await store.alerts.list({ fingerprint: 'fp-1' })).total).toBe(2);
  });

  it('stores one row for concurrent notifications of the same alert', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => store.alerts.upsert(firing('fp-race'))));
    expect(new Set(results.map((a) => a.id)).size).toBe(1);
    expect((await store.alerts.list({ fingerprint: 'fp-race' })).total).toBe(1);
  });

  it('refuses a second plain create of the same alert and drops alerts with their cluster', async () => {
    await store.alerts.create(firing('fp-dup', clusterId));
    await expect(store.alerts.create(firing('fp-dup', clusterId))).rejects.toMatchObject({ name: 'ConflictError' });
    await store.clusters.delete(clusterId);
    expect((await store.alerts.list({ fingerprint: 'fp-dup' })).total).toBe(0);
  });
});
