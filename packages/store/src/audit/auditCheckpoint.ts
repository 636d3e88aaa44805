import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

/** The head of the audit log as last seen by this installation: its last sequence number and that entry's hash. */
export interface AuditHead {
  sequence: number;
  hash: string;
}

/** What the checkpoint file says about this database. */
export type CheckpointReading =
  | { state: 'missing' }
  | { state: 'valid'; head: AuditHead; file: string }
  | { state: 'invalid'; reason: string; file: string };

/**
 * The signed anchor of the audit log's head, kept outside the database so that whoever can rewrite the database
 * cannot also move it: a deleted tail (or a deleted log) then no longer verifies as intact.
 */
export interface AuditCheckpoint {
  readonly file: string;
  /** Reads and checks the signature of this database's head. */
  read(): CheckpointReading;
  /** Moves this database's head forward to `head` (never backward: a lagging writer cannot undo a later one). */
  advance(head: AuditHead): void;
}

const Signed = z.object({
  sequence: z.number().int().min(0),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  updated_at: z.string(),
  mac: z.string().regex(/^[0-9a-f]{64}$/),
});
const CheckpointFile = z.object({ version: z.literal(1), databases: z.record(z.string(), z.unknown()) });
type CheckpointFile = z.infer<typeof CheckpointFile>;

/** What the checkpoint needs: its file, the store's encryption key (base64) and the name of the database. */
export interface AuditCheckpointOptions {
  file: string;
  encryptionKey: string;
  /** Identifies the database (dialect, file or masked URL, schema), so two databases never share a head. */
  database: string;
}

/**
 * Opens the checkpoint in `file` (JSON, mode 600, replaced atomically): one signed head per database, each signed with
 * HMAC-SHA256 under a key derived (HKDF) from the store's encryption key — `<data_dir>/encryption.key` unless one is
 * configured. A head whose signature does not check reads as `invalid` and is never overwritten.
 */
export function createAuditCheckpoint(options: AuditCheckpointOptions): AuditCheckpoint {
  const key = Buffer.from(
    hkdfSync('sha256', Buffer.from(options.encryptionKey, 'base64'), '', 'opspilot audit checkpoint v1', 32),
  );
  const mac = (head: AuditHead) =>
    createHmac('sha256', key).update(`${options.database}\n${head.sequence}\n${head.hash}`).digest('hex');
  const { file } = options;

  const readFile = (): CheckpointFile | string | undefined => {
    if (!existsSync(file)) return undefined;
    try {
      const parsed = CheckpointFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      return parsed.success ? parsed.data : 'it is not a checkpoint file';
    } catch (error) {
      return `it cannot be read: ${error instanceof Error ? error.message : String(error)}`;
    }
  };

  const read = (): CheckpointReading => {
    const content = readFile();
    if (content === undefined) return { state: 'missing' };
    if (typeof content === 'string') return { state: 'invalid', reason: content, file };
    const raw = content.databases[options.database];
    if (raw === undefined) return { state: 'missing' };
    const signed = Signed.safeParse(raw);
    if (!signed.success) return { state: 'invalid', reason: 'its entry for this database is malformed', file };
    const head = { sequence: signed.data.sequence, hash: signed.data.hash };
    const expected = Buffer.from(mac(head), 'hex');
    if (!timingSafeEqual(expected, Buffer.from(signed.data.mac, 'hex'))) {
      return { state: 'invalid', reason: 'its signature does not match (edited, or signed with another key)', file };
    }
    return { state: 'valid', head, file };
  };

  return {
    file,
    read,
    advance(head) {
      const current = read();
      if (current.state === 'invalid') return;
      if (current.state === 'valid' && current.head.sequence >= head.sequence) return;
      const content = readFile();
      const databases = typeof content === 'object' ? content.databases : {};
      const next: CheckpointFile = {
        version: 1,
        databases: {
          ...databases,
          [options.database]: { ...head, updated_at: new Date().toISOString(), mac: mac(head) },
        },
      };
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
      chmodSync(temporary, 0o600);
      renameSync(temporary, file);
    },
  };
}
