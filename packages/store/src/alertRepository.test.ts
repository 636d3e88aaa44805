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

  it('keeps the firing history: first fire, resolve and re-fire, never a repeated notification', async () => {
    const first = await store.alerts.upsert(firing('fp-history', clusterId));
    await store.alerts.upsert(firing('fp-history', clusterId)); // the same firing, notified again
    const resolved = { ...firing('fp-history', clusterId), state: 'RESOLVED' as const };
    await store.alerts.upsert({ ...resolved, ends_at: '2026-01-15T10:05:00.000Z' });
    await store.alerts.upsert({ ...resolved, ends_at: '2026-01-15T10:05:00.000Z' });
    await store.alerts.upsert({ ...firing('fp-history', clusterId), starts_at: '2026-01-15T11:00:00.000Z' });
    // Fired again with a new start while Alertmanager never said it resolved.
    const last = await store.alerts.upsert({
      ...firing('fp-history', clusterId),
      starts_at: '2026-01-15T12:00:00.000Z',
      severity: 'CRITICAL',
    });
    expect(last.id).toBe(first.id);
    const history = await store.alerts.history(first.id);
    expect(history.map((e) => [e.state, e.starts_at, e.ends_at, e.severity])).toEqual([
      ['FIRING', '2026-01-15T10:00:00.000Z', undefined, 'WARNING'],
      ['RESOLVED', '2026-01-15T10:00:00.000Z', '2026-01-15T10:05:00.000Z', 'WARNING'],
      ['FIRING', '2026-01-15T11:00:00.000Z', undefined, 'WARNING'],
      ['FIRING', '2026-01-15T12:00:00.000Z', undefined, 'CRITICAL'],
    ]);
    expect(history.every((e) => e.alert_id === first.id && e.alertname === 'HighCPUUsage')).toBe(true);
    const times = history.map((e) => e.recorded_at);
    expect([...times].sort()).toEqual(times);
    expect(new Set(times).size).toBe(times.length);
    expect((await store.alerts.history(first.id, 2)).map((e) => e.starts_at)).toEqual([
      '2026-01-15T11:00:00.000Z',
      '2026-01-15T12:00:00.000Z',
    ]);
    expect(await store.alerts.history('00000000-0000-4000-8000-000000000000')).toEqual([]);
    expect((await store.alerts.matching(first.id)).map((a) => a.id)).toEqual([first.id]);
    expect((await store.alerts.matching('fp-history')).map((a) => a.id)).toEqual([first.id]);
    expect((await store.alerts.matching('HighCPUUsage')).length).toBeGreaterThan(1);
    expect(await store.alerts.matching('NoSuchAlert')).toEqual([]);
  });

  it('refuses a second plain create of the same alert and drops alerts with their cluster', async () => {
    await store.alerts.create(firing('fp-dup', clusterId));
    await expect(store.alerts.create(firing('fp-dup', clusterId))).rejects.toMatchObject({ name: 'ConflictError' });
    const withHistory = await store.alerts.findByFingerprint('fp-history', clusterId);
    await store.clusters.delete(clusterId);
    expect((await store.alerts.list({ fingerprint: 'fp-dup' })).total).toBe(0);
    expect(await store.alerts.history(withHistory?.id ?? '')).toEqual([]);
  });
});
