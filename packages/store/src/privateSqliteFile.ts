import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { StoreLogger } from './storeLogger.js';

const STICKY = 0o1000;

function warn(logger: StoreLogger | undefined, fields: Record<string, unknown>, message: string): void {
  if (logger) logger.warn(fields, message);
  else process.emitWarning(`${message}: ${JSON.stringify(fields)}`);
}

/** Takes group and other permissions off `path` when it has any (a shared folder such as /tmp is left alone). */
function tighten(path: string, mode: number, logger: StoreLogger | undefined): void {
  const stat = statSync(path);
  const current = stat.mode & 0o7777;
  if ((current & 0o077) === 0 || current & STICKY) return;
  if (typeof process.getuid === 'function' && stat.uid !== process.getuid()) return;
  chmodSync(path, mode);
  warn(
    logger,
    { path, was: current.toString(8), now: mode.toString(8) },
    'the database was readable by other users: permissions tightened',
  );
}

/**
 * Prepares the SQLite file of the store so only its owner can read it — it holds the audit log, sealed plans and
 * credentials: the folder is created 700 and the file 600; an existing folder, file or WAL journal that others may
 * read is tightened, with a warning (through `logger`, else a process warning).
 */
export function privateSqliteFile(file: string, logger?: StoreLogger): void {
  const folder = dirname(file);
  if (existsSync(folder)) tighten(folder, 0o700, logger);
  else mkdirSync(folder, { recursive: true, mode: 0o700 });
  if (existsSync(file)) tighten(file, 0o600, logger);
  else closeSync(openSync(file, 'a', 0o600));
  for (const journal of [`${file}-wal`, `${file}-shm`]) if (existsSync(journal)) tighten(journal, 0o600, logger);
}
