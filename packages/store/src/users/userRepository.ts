import { randomUUID } from 'node:crypto';
import type { Paginated, PaginationParams, UserRole } from '@opspilot/core';
import { User } from '@opspilot/core';
import type { z } from 'zod';
import type { Db } from '../database.js';
import type { Dialect } from '../dialect.js';
import { parseInput } from '../parseInput.js';
import { createRepository } from '../repository.js';
import { rowCodec } from '../rowMapping.js';
import { toStoreError } from '../storeErrors.js';
import { ClusterGrant, StoredUser } from './authRows.js';

/** What creating a user takes: the password arrives already hashed (the server hashes with scrypt). */
export const NewUser = StoredUser.pick({ username: true, display_name: true, role: true, password_hash: true });
export type NewUser = z.input<typeof NewUser>;

/** The fields an administrator (or sign-in) may change. */
export interface UserPatch {
  role?: UserRole;
  disabled?: boolean;
  display_name?: string;
  password_hash?: string;
  last_login_at?: string;
}

/** Users, their password hashes and their cluster grants. */
export interface UserRepository {
  /** Creates a user; ConflictError when the username is taken. */
  create(input: NewUser): Promise<User>;
  /** The user with this id; NotFoundError when there is none. */
  get(id: string): Promise<User>;
  /** The user with this login name and their password hash, for sign-in only. */
  findCredentials(username: string): Promise<StoredUser | undefined>;
  /** One page of users, newest first; `filter` on role or disabled. */
  list(filter?: { role?: UserRole; disabled?: boolean }, page?: Partial<PaginationParams>): Promise<Paginated<User>>;
  /** Changes the given fields; NotFoundError when there is no such user. */
  update(id: string, patch: UserPatch): Promise<User>;
  /** How many users exist (the first start creates an admin when none does). */
  count(): Promise<number>;
  /** Lets the user see and act on the cluster (idempotent); ConflictError for an unknown user or cluster. */
  grantCluster(userId: string, clusterId: string): Promise<void>;
  /** Takes the grant away (no-op when there is none). */
  revokeCluster(userId: string, clusterId: string): Promise<void>;
  /** The ids of the clusters granted to the user. */
  clusterIdsOf(userId: string): Promise<string[]>;
}

const toUser = (stored: StoredUser): User => User.parse(stored);

/** Builds the user repository over a database handle (or transaction). */
export function createUserRepository(db: Db, dialect: Dialect): UserRepository {
  const base = createRepository(db, dialect, {
    table: 'users',
    noun: 'user',
    schema: StoredUser,
    newSchema: NewUser.transform((u) => ({ ...u, disabled: false })),
    stamps: ['created_at', 'updated_at'],
  });
  const grantCodec = rowCodec(ClusterGrant, dialect);
  const run = async <R>(what: string, fn: () => Promise<R>): Promise<R> => {
    try {
      return await fn();
    } catch (error) {
      throw toStoreError(error, dialect, what);
    }
  };
  return {
    create: async (input) => toUser(await base.create(input)),
    get: async (id) => toUser(await base.get(id)),
    async findCredentials(username) {
      const page = await base.list({ username }, { page_size: 1 });
      return page.items[0];
    },
    async list(filter = {}, page = {}) {
      const result = await base.list({ ...filter }, page);
      return { ...result, items: result.items.map(toUser) };
    },
    async update(id, patch) {
      const allowed = parseInput(
        StoredUser.pick({
          role: true,
          disabled: true,
          display_name: true,
          password_hash: true,
          last_login_at: true,
        }).partial(),
        patch,
        'user change',
      );
      return toUser(await base.update(id, allowed));
    },
    async count() {
      const row = await run('users count', () =>
        db
          .selectFrom('users')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow(),
      );
      return Number(row.n);
    },
    async grantCluster(userId, clusterId) {
      const existing = await run('cluster grant', () =>
        db
          .selectFrom('user_cluster_grants')
          .select('id')
          .where('user_id', '=', userId)
          .where('cluster_id', '=', clusterId)
          .executeTakeFirst(),
      );
      if (existing) return;
      const grant = ClusterGrant.parse({
        id: randomUUID(),
        user_id: userId,
        cluster_id: clusterId,
        created_at: new Date().toISOString(),
      });
      await run(`grant of cluster ${clusterId} to user ${userId}`, () =>
        db.insertInto('user_cluster_grants').values(grantCodec.toRow(grant)).execute(),
      );
    },
    async revokeCluster(userId, clusterId) {
      await run('cluster grant', () =>
        db
          .deleteFrom('user_cluster_grants')
          .where('user_id', '=', userId)
          .where('cluster_id', '=', clusterId)
          .execute(),
      );
    },
    async clusterIdsOf(userId) {
      const rows = await run('cluster grants', () =>
        db.selectFrom('user_cluster_grants').select('cluster_id').where('user_id', '=', userId).execute(),
      );
      return rows.map((r) => String(r.cluster_id)).sort();
    },
  };
}
