import { readFileSync, writeFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../openStore.js';
import { DIALECTS, dropAuditTriggers, openTestStore, type TestStore } from '../testing/index.js';
import { verifyAuditChain } from '../verifyAuditChain.js';

async function append(store: Store, count: number): Promise<void> {
  for (let i = 1; i <= count; i++) {
    await store.audit.append({ user_id: 'alice', action: 'plan.applied', target: `deployment/todo/app-${i}` });
  }
}

describe.each(DIALECTS)('audit checkpoint on %s', (dialect) => {
  let t: TestStore;
  let store: Store;
  beforeEach(async () => {
    t = await openTestStore(dialect);
    store = t.store;
  });
  afterEach(async () => t?.cleanup());

  it('anchors the head after every append and verifies against it', async () => {
    await append(store, 3);
    const last = (await store.audit.list({ sequence: 3 })).items[0]!;
    expect(await verifyAuditChain(store)).toEqual({
      ok: true,
      checked: 3,
      checkpoint: { state: 'valid', sequence: 3, hash: last.hash, file: t.options.auditCheckpointFile },
    });
  });

  it('reports a deleted tail: the log ends before the checkpoint', async () => {
    await append(store, 5);
    await dropAuditTriggers(store);
    await sql`delete from audit_log where sequence >= 4`.execute(store.db);
    expect(await verifyAuditChain(store)).toMatchObject({
      ok: false,
      firstBad: { sequence: 4, problem: 'DELETED', message: 'tampering: log ends at seq 3 but checkpoint says 5' },
    });
  });

  it('reports a deleted log', async () => {
    await append(store, 5);
    await dropAuditTriggers(store);
    await sql`delete from audit_log`.execute(store.db);
    const report = await verifyAuditChain(store);
    expect(report).toMatchObject({ ok: false, checked: 0, firstBad: { sequence: 1, problem: 'DELETED' } });
    expect(report.firstBad?.message).toMatch(/^tampering: the audit log is empty .* but checkpoint says 5$/);
  });

  it('reports a log rebuilt from scratch with valid hashes', async () => {
    await append(store, 3);
    await dropAuditTriggers(store);
    await sql`delete from audit_log`.execute(store.db);
    const forger = await openStore({ ...t.options, auditCheckpointFile: undefined });
    try {
      await append(forger, 4);
    } finally {
      await forger.close();
    }
    expect(await verifyAuditChain(store)).toMatchObject({ ok: false, firstBad: { sequence: 3, problem: 'EDITED' } });
  });

  it('reports a checkpoint file that was edited', async () => {
    await append(store, 5);
    const file = t.options.auditCheckpointFile!;
    writeFileSync(file, readFileSync(file, 'utf8').replace('"sequence": 5', '"sequence": 2'));
    expect(await verifyAuditChain(store)).toMatchObject({
      ok: false,
      firstBad: { problem: 'EDITED', message: expect.stringMatching(/^tampering: the audit checkpoint .* signature/) },
    });
  });

  it('accepts a checkpoint behind the log (another writer appended) and ignores rolled-back appends', async () => {
    await append(store, 2);
    const other = await openStore({ ...t.options, auditCheckpointFile: undefined });
    try {
      await append(other, 2);
    } finally {
      await other.close();
    }
    await expect(
      store.transaction(async (tx) => {
        await tx.audit.append({ user_id: 'alice', action: 'rolled.back' });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    await store.transaction(async (tx) => tx.audit.append({ user_id: 'alice', action: 'committed' }));
    expect(await verifyAuditChain(store)).toMatchObject({
      ok: true,
      checked: 5,
      checkpoint: { state: 'valid', sequence: 5 },
    });
  });

  it('also logs the head as an audit.checkpoint line every 100 entries', async () => {
    const lines: { message: string; fields: Record<string, unknown> }[] = [];
    const record = (fields: Record<string, unknown>, message: string) => lines.push({ fields, message });
    const logged = await openStore({ ...t.options, logger: { info: record, warn: record } });
    try {
      await append(logged, 100);
    } finally {
      await logged.close();
    }
    const head = (await store.audit.list({ sequence: 100 })).items[0]!;
    expect(lines.filter((l) => l.message === 'audit.checkpoint')).toEqual([
      { message: 'audit.checkpoint', fields: { sequence: 100, hash: head.hash } },
    ]);
  });

  it('reports a corrupt row as tampering at its sequence instead of failing', async () => {
    await append(store, 4);
    await dropAuditTriggers(store);
    await sql`update audit_log set details = ${'"not an object"'} where sequence = 3`.execute(store.db);
    expect(await verifyAuditChain(store)).toMatchObject({
      ok: false,
      firstBad: { sequence: 3, problem: 'EDITED', message: expect.stringMatching(/^tampering: entry #3 is corrupt/) },
    });
    if (dialect === 'sqlite') {
      await sql`update audit_log set details = ${'{not json'} where sequence = 2`.execute(store.db);
    } else {
      await sql`alter table audit_log alter column hash drop not null`.execute(store.db);
      await sql`update audit_log set hash = null where sequence = 2`.execute(store.db);
    }
    expect(await verifyAuditChain(store)).toMatchObject({ ok: false, firstBad: { sequence: 2, problem: 'EDITED' } });
  });
});
