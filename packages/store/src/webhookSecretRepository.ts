import { randomUUID } from 'node:crypto';
import { type CiProvider, NotAllowedError } from '@opspilot/core';
import type { Db } from './database.js';
import type { Dialect } from './dialect.js';
import type { SecretBox } from './secretBox.js';
import { toStoreError } from './storeErrors.js';

/** A CI source's webhook secret as listed: never the secret itself. */
export interface WebhookSecretInfo {
  provider: CiProvider;
  name: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/**
 * The shared secrets CI webhooks are verified with (migration 0021 `webhook_secrets`), one per provider and source
 * name, sealed with AES-256-GCM by the store's {@link SecretBox} exactly as cluster credentials are.
 */
export interface WebhookSecretRepository {
  /** Stores (or replaces) the secret of `provider`/`name`, sealed. */
  set(provider: CiProvider, name: string, secret: string, user: string): Promise<WebhookSecretInfo>;
  /** The secret in clear text, or undefined when none is configured. */
  reveal(provider: CiProvider, name: string): Promise<string | undefined>;
  list(): Promise<WebhookSecretInfo[]>;
  /** Removes the secret; true when there was one. */
  remove(provider: CiProvider, name: string): Promise<boolean>;
}

const info = (row: Record<string, unknown>): WebhookSecretInfo => ({
  provider: row.provider as CiProvider,
  name: String(row.name),
  created_by: String(row.created_by),
  created_at: String(row.created_at),
  updated_at: String(row.updated_at),
});

/** Builds the {@link WebhookSecretRepository}; without a secret box secrets cannot be stored or read. */
export function createWebhookSecretRepository(
  db: Db,
  dialect: Dialect,
  secretBox: SecretBox | undefined,
): WebhookSecretRepository {
  const box = (): SecretBox => {
    if (!secretBox) {
      throw new NotAllowedError('webhook secrets need an encryption key', {
        hint: 'set secrets.encryption_key (OPSPILOT_SECRETS_ENCRYPTION_KEY)',
      });
    }
    return secretBox;
  };
  const guard = async <R>(what: string, fn: () => Promise<R>): Promise<R> => {
    try {
      return await fn();
    } catch (error) {
      if (error instanceof NotAllowedError) throw error;
      throw toStoreError(error, dialect, what);
    }
  };
  const find = (provider: CiProvider, name: string) =>
    db
      .selectFrom('webhook_secrets')
      .selectAll()
      .where('provider', '=', provider)
      .where('name', '=', name)
      .executeTakeFirst();
  return {
    async set(provider, name, secret, user) {
      const sealed = box().seal(secret);
      const now = new Date().toISOString();
      return guard(`webhook secret ${provider}/${name}`, async () => {
        const existing = await find(provider, name);
        if (existing) {
          await db
            .updateTable('webhook_secrets')
            .set({ sealed_secret: sealed, created_by: user, updated_at: now })
            .where('id', '=', existing.id as string)
            .execute();
          return info({ ...existing, created_by: user, updated_at: now });
        }
        const row = {
          id: randomUUID(),
          provider,
          name,
          sealed_secret: sealed,
          created_by: user,
          created_at: now,
          updated_at: now,
        };
        await db.insertInto('webhook_secrets').values(row).execute();
        return info(row);
      });
    },
    async reveal(provider, name) {
      const row = await guard('webhook secret', () => find(provider, name));
      return row ? box().open(String(row.sealed_secret)) : undefined;
    },
    async list() {
      const rows = await guard('webhook secrets', () =>
        db.selectFrom('webhook_secrets').selectAll().orderBy('provider').orderBy('name').execute(),
      );
      return rows.map(info);
    },
    async remove(provider, name) {
      const r = await guard('webhook secret', () =>
        db.deleteFrom('webhook_secrets').where('provider', '=', provider).where('name', '=', name).executeTakeFirst(),
      );
      return Number(r.numDeletedRows) > 0;
    },
  };
}
