import { GENESIS_HASH } from '@opspilot/core';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../openStore.js';
import { DIALECTS, dropAuditTriggers, openTestStore, type TestStore } from '../testing/index.js';
import { verifyAuditChain } from '../verifyAuditChain.js';
import { auditEntryHash } from './auditHash.js';

async function appendFive(store: Store): Promise<void> {
  for (let i = 1; i <= 5; i++) {
    await store.audit.append({
      user_id: 'alice',
      action: 'plan.applied',
      target: `deployment/todo/app-${i}`,
      details: { replicas: i },
    });
  }
}

describe.each(DIALECTS)('audit log on %s', (dialect) => {
  let t: TestStore;
  let store: Store;
  beforeEach(async () => {
    t = await openTestStore(dialect);
    store = t.store;
  });
  afterEach(async () => t?.cleanup());

  it('chains entries from the genesis hash and verifies them', async () => {
    await appendFive(store);
    const { items } = await store.audit.list({}, { page_size: 10 });
    const ordered = [...items].reverse();
    expect(ordered.map((e) => e.sequence)).toEqual([1, 2, 3, 4, 5]);
    expect(ordered[0]!.prev_hash).toBe(GENESIS_HASH);
    for (let i = 1; i < 5; i++) expect(ordered[i]!.prev_hash).toBe(ordered[i - 1]!.hash);
    expect(await verifyAuditChain(store)).toMatchObject({ ok: true, checked: 5 });
    expect((await store.audit.list({ target: 'deployment/todo/app-2' }, {})).total).toBe(1);
  });

  it('refuses UPDATE and DELETE while its triggers are in place', async () => {
    await appendFive(store);
    await expect(sql`update audit_log set user_id = 'mallory' where sequence = 3`.execute(store.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_log where sequence = 3`.execute(store.db)).rejects.toThrow(/append-only/);
    expect((await verifyAuditChain(store)).ok).toBe(true);
  });

  it('reports an edited entry', async () => {
    await appendFive(store);
    await dropAuditTriggers(store);
    await sql`update audit_log set user_id = 'mallory' where sequence = 3`.execute(store.db);
    expect(await verifyAuditChain(store)).toMatchObject({ ok: false, firstBad: { sequence: 3, problem: 'EDITED' } });
  });

  it('reports a deleted entry, with or without renumbering', async () => {
    await appendFive(store);
    await dropAuditTriggers(store);
    await sql`delete from audit_log where sequence = 3`.execute(store.db);
    expect(await verifyAuditChain(store)).toMatchObject({ ok: false, firstBad: { sequence: 3, problem: 'DELETED' } });
    await sql`update audit_log set sequence = sequence - 1 where sequence > 3`.execute(store.db);
    expect(await verifyAuditChain(store)).toMatchObject({ ok: false, firstBad: { sequence: 3, problem: 'DELETED' } });
  });

  it('reports a forged entry inserted between two others, even with a correct hash of its own', async () => {
    await appendFive(store);
    await dropAuditTriggers(store);
    const second = (await store.audit.list({}, { page_size: 10 })).items.find((e) => e.sequence === 2)!;
    for (const seq of [5, 4, 3])
      await sql`update audit_log set sequence = ${seq + 1} where sequence = ${seq}`.execute(store.db);
    const forged = {
      interaction_id: crypto.randomUUID(),
      sequence: 3,
      timestamp: new Date().toISOString(),
      ai_tool: 'none',
      input_prompt: '',
      output_generated: '',
      user_id: 'mallory',
      status: 'SUCCESS' as const,
      action: 'rbac.widened',
      details: {},
      prev_hash: second.hash,
    };
    const hash = auditEntryHash(forged);
    await sql`insert into audit_log (sequence, interaction_id, timestamp, ai_tool, input_prompt, output_generated, user_id, status, action, details, prev_hash, hash)
      values (3, ${forged.interaction_id}, ${forged.timestamp}, 'none', '', '', 'mallory', 'SUCCESS', 'rbac.widened', '{}', ${second.hash}, ${hash})`.execute(
      store.db,
    );
    expect(await verifyAuditChain(store)).toMatchObject({ ok: false, firstBad: { sequence: 3, problem: 'INSERTED' } });
  });

  it('reports two swapped entries as reordered', async () => {
    await appendFive(store);
    await dropAuditTriggers(store);
    await sql`update audit_log set sequence = 100 where sequence = 3`.execute(store.db);
    await sql`update audit_log set sequence = 3 where sequence = 4`.execute(store.db);
    await sql`update audit_log set sequence = 4 where sequence = 100`.execute(store.db);
    expect(await verifyAuditChain(store)).toMatchObject({ ok: false, firstBad: { sequence: 3, problem: 'REORDERED' } });
  });

  it('never forks the chain under 50 concurrent appends', async () => {
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        store.audit.append({ user_id: `u${i % 3}`, action: 'concurrent.append', details: { i } }),
      ),
    );
    const report = await verifyAuditChain(store);
    expect(report).toMatchObject({ ok: true, checked: 50 });
  });
});
