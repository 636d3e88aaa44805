import { ConflictError } from '@opspilot/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestStore, type TestStore } from './testing/index.js';

describe.each(DIALECTS)('security scan schedules and gates on %s', (dialect) => {
  let t: TestStore;
  let clusterId: string;
  beforeAll(async () => {
    t = await openTestStore(dialect);
    const cluster = await t.store.clusters.create({ name: 'prod', api_server_url: 'https://prod.example:6443' });
    clusterId = cluster.id;
  });
  afterAll(async () => t?.cleanup());

  it('stores a schedule, records its run and lists the due ones', async () => {
    const s = await t.store.scanSchedules.create({
      cluster_id: clusterId,
      cron: '0 2 * * *',
      timezone: 'Europe/Berlin',
      next_run_at: '2026-12-07T01:00:00.000Z',
      created_by: 'alice',
    });
    expect(s.enabled).toBe(true);
    const ran = await t.store.scanSchedules.update(s.id, {
      last_run_at: '2026-12-07T01:00:05.000Z',
      last_status: 'COMPLETED',
      next_run_at: '2026-12-08T01:00:00.000Z',
    });
    expect(ran.last_status).toBe('COMPLETED');
    expect((await t.store.scanSchedules.list({ enabled: true })).items.map((x) => x.id)).toEqual([s.id]);
  });

  it('keeps one gate per kind and scope', async () => {
    const gate = { kind: 'IMAGE' as const, scope: 'all', settings: { max_severity: 'high' }, updated_by: 'alice' };
    const created = await t.store.securityGates.create(gate);
    expect(created.settings).toEqual({ max_severity: 'high' });
    await expect(t.store.securityGates.create(gate)).rejects.toBeInstanceOf(ConflictError);
    await t.store.securityGates.create({ ...gate, kind: 'SECRET_MAX_AGE', settings: { max_age_days: 30 } });
  });
});
