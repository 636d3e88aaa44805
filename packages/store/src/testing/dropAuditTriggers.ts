import { sql } from 'kysely';
import type { Store } from '../openStore.js';

/**
 * What an attacker with database-owner rights can do to the audit log: switch its append-only triggers off, so
 * tests can edit, delete and insert rows and check that `verify` notices.
 */
export async function dropAuditTriggers(store: Store): Promise<void> {
  if (store.dialect === 'sqlite') {
    await sql`drop trigger audit_log_no_update`.execute(store.db);
    await sql`drop trigger audit_log_no_delete`.execute(store.db);
  } else {
    await sql`drop trigger audit_log_no_change on audit_log`.execute(store.db);
    await sql`drop trigger audit_log_no_truncate on audit_log`.execute(store.db);
  }
}
