import { InputError } from '@opspilot/core';
import type { Db } from './database.js';
import type { Dialect } from './dialect.js';
import { type NewStoredReportSchedule, REPORT_SCHEDULE_SPEC, type StoredReportSchedule } from './reportRecords.js';
import { createRepository, type Repository } from './repository.js';
import type { SecretBox } from './secretBox.js';
import { toStoreError } from './storeErrors.js';

/** How a sealed webhook secret starts in `report_schedules.webhook_secret`; anything else is a clear-text legacy row. */
const SEALED = 'sealed:';

/** Report schedules whose webhook secrets are encrypted at rest (AES-256-GCM, like cluster kubeconfigs). */
export interface ReportScheduleRepository extends Repository<StoredReportSchedule, NewStoredReportSchedule> {
  /**
   * Seals every webhook secret still stored in clear text (rows written before secrets were sealed); returns how
   * many were sealed. Run by `migrate()` when an encryption key is configured.
   */
  sealClearSecrets(): Promise<number>;
  /**
   * Claims the run of a schedule due at `fireAt`: moves `next_run_at` from `fireAt` to `next` in one conditional
   * update and says whether this caller did it. Of several servers that see the same fire time, one wins.
   */
  claimRun(id: string, fireAt: string, next: string | undefined): Promise<boolean>;
}

/**
 * The `report_schedules` repository: `webhook_secret` is sealed with the store's {@link SecretBox} on the way in and
 * opened on the way out, so callers see the secret and the table holds `sealed:v1:<iv>:<tag>:<ciphertext>`. Without
 * an encryption key a schedule with a secret is neither stored nor read (InputError with a hint); schedules
 * without a secret need no key.
 */
export function createReportScheduleRepository(
  db: Db,
  dialect: Dialect,
  secretBox: SecretBox | undefined,
): ReportScheduleRepository {
  const base = createRepository(db, dialect, REPORT_SCHEDULE_SPEC);
  const box = (doing: string) => {
    if (!secretBox) {
      throw new InputError(`no encryption key is configured, so a report webhook secret cannot be ${doing}`, {
        hint: 'set secrets.encryption_key (OPSPILOT_SECRETS_ENCRYPTION_KEY) to 32 random bytes in base64',
      });
    }
    return secretBox;
  };
  const seal = (secret: string | undefined) =>
    secret === undefined || secret.startsWith(SEALED) ? secret : `${SEALED}${box('stored').seal(secret)}`;
  const open = (row: StoredReportSchedule): StoredReportSchedule => {
    const secret = row.webhook_secret;
    if (secret === undefined || !secret.startsWith(SEALED)) return row;
    return { ...row, webhook_secret: box('read').open(secret.slice(SEALED.length)) };
  };
  const sealed = <T extends { webhook_secret?: string | undefined }>(input: T): T =>
    input.webhook_secret === undefined ? input : { ...input, webhook_secret: seal(input.webhook_secret) };

  return {
    async create(input) {
      return open(await base.create(sealed(input)));
    },
    async insert(entity) {
      return open(await base.insert(sealed(entity)));
    },
    async get(id) {
      return open(await base.get(id));
    },
    async find(id) {
      const row = await base.find(id);
      return row && open(row);
    },
    async update(id, patch) {
      return open(await base.update(id, sealed(patch)));
    },
    delete: (id) => base.delete(id),
    async list(filter, page) {
      const got = await base.list(filter, page);
      return { ...got, items: got.items.map(open) };
    },
    async claimRun(id, fireAt, next) {
      const result = await db
        .updateTable('report_schedules')
        .set({ next_run_at: next ?? null })
        .where('id', '=', id)
        .where('next_run_at', '=', fireAt)
        .executeTakeFirst()
        .catch((error: unknown) => {
          throw toStoreError(error, dialect, `report schedule ${id}`);
        });
      return Number(result.numUpdatedRows) === 1;
    },
    async sealClearSecrets() {
      let count = 0;
      for (let n = 1; ; n++) {
        const got = await base.list({}, { page: n, page_size: 100 });
        for (const row of got.items) {
          if (row.webhook_secret === undefined || row.webhook_secret.startsWith(SEALED)) continue;
          await base.update(row.id, { webhook_secret: seal(row.webhook_secret) });
          count++;
        }
        if (n >= got.total_pages) return count;
      }
    },
  };
}
