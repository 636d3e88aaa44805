import { randomUUID } from 'node:crypto';
import { InputError, NotFoundError, type Paginated, PaginationParams, toPage } from '@opspilot/core';
import type { z } from 'zod';
import type { Db, Row } from './database.js';
import type { Dialect } from './dialect.js';
import { applyFilter, type Filter } from './listFilter.js';
import { parseInput } from './parseInput.js';
import { rowCodec } from './rowMapping.js';
import { toStoreError } from './storeErrors.js';

/** How one entity maps to one table. */
export interface EntitySpec<T, N> {
  table: string;
  /** Human name used in messages, e.g. "incident". */
  noun: string;
  /** The stored entity; every row read back is parsed with it. */
  schema: z.ZodType<T>;
  /** What `create` accepts: the entity without its id and timestamps (they are assigned). */
  newSchema: z.ZodType<unknown, N>;
  /** Primary key field (default `id`). */
  idField?: string;
  /** Timestamp fields stamped with the current time on create (and `updated_at` on update). */
  stamps?: string[];
  /** Column that orders lists, newest first (default the first stamp, else the id). */
  orderBy?: string;
}

/** Create, read, update, delete and paginated list of one entity. */
export interface Repository<T, N> {
  /** Validates `input`, assigns the id and timestamps, stores it; ConflictError for a duplicate or dangling id. */
  create(input: N): Promise<T>;
  /** Inserts a complete entity as given (imports, fixtures). */
  insert(entity: T): Promise<T>;
  /** The entity with this id; NotFoundError (with a hint) when there is none. */
  get(id: string): Promise<T>;
  /** The entity with this id, or undefined. */
  find(id: string): Promise<T | undefined>;
  /** Merges `patch` into the stored entity, validates the result and stores it. */
  update(id: string, patch: Partial<T>): Promise<T>;
  /** Deletes the entity (and, through foreign keys, what belongs to it); NotFoundError when there is none. */
  delete(id: string): Promise<void>;
  /** One page (seed 003 §8.1) of the entities matching `filter`, newest first. */
  list(filter?: Filter, page?: Partial<PaginationParams>): Promise<Paginated<T>>;
}

/**
 * Builds the repository of one entity over a database handle (or a transaction). Rows are converted by the entity's
 * row codec and always parsed with its zod schema on the way out.
 */
export function createRepository<T, N>(db: Db, dialect: Dialect, spec: EntitySpec<T, N>): Repository<T, N> {
  const idField = spec.idField ?? 'id';
  const stamps = spec.stamps ?? [];
  const orderBy = spec.orderBy ?? stamps[0] ?? idField;
  const codec = rowCodec(spec.schema, dialect);
  const parse = (row: Row): T => spec.schema.parse(codec.fromRow(row));
  const notFound = (id: string) =>
    new NotFoundError(`${spec.noun} ${id} not found`, {
      hint: `list the ${spec.table.replace(/_/g, ' ')} to see the ids that exist`,
    });
  const run = async <R>(what: string, fn: () => Promise<R>): Promise<R> => {
    try {
      return await fn();
    } catch (error) {
      if (error instanceof NotFoundError || error instanceof InputError) throw error;
      throw toStoreError(error, dialect, what);
    }
  };

  const repo: Repository<T, N> = {
    async insert(entity) {
      const valid = parseInput(spec.schema, entity, spec.noun);
      await run(`${spec.noun} ${String((valid as Row)[idField])}`, () =>
        db.insertInto(spec.table).values(codec.toRow(valid)).execute(),
      );
      return valid;
    },
    async create(input) {
      const now = new Date().toISOString();
      const fields = parseInput(spec.newSchema, input, spec.noun) as Row;
      const entity: Row = { [idField]: randomUUID(), ...fields };
      for (const stamp of stamps) entity[stamp] ??= now;
      return repo.insert(entity as T);
    },
    async find(id) {
      const row = await run(`${spec.noun} ${id}`, () =>
        db.selectFrom(spec.table).selectAll().where(idField, '=', id).executeTakeFirst(),
      );
      return row ? parse(row) : undefined;
    },
    async get(id) {
      const found = await repo.find(id);
      if (!found) throw notFound(id);
      return found;
    },
    async update(id, patch) {
      const current = await repo.get(id);
      const next: Row = { ...(current as Row), ...(patch as Row), [idField]: id };
      if (stamps.includes('updated_at')) next.updated_at = new Date().toISOString();
      const valid = parseInput(spec.schema, next, spec.noun);
      const { [idField]: _id, ...values } = codec.toRow(valid);
      await run(`${spec.noun} ${id}`, () => db.updateTable(spec.table).set(values).where(idField, '=', id).execute());
      return valid;
    },
    async delete(id) {
      const result = await run(`${spec.noun} ${id}`, () =>
        db.deleteFrom(spec.table).where(idField, '=', id).executeTakeFirst(),
      );
      if (Number(result.numDeletedRows) === 0) throw notFound(id);
    },
    async list(filter = {}, page = {}) {
      const params = parseInput(PaginationParams, page, 'page request');
      const query = applyFilter(db.selectFrom(spec.table), filter, codec, spec.noun);
      const counted = await run(`${spec.table} count`, () =>
        query.select((eb) => eb.fn.countAll().as('total')).executeTakeFirstOrThrow(),
      );
      const rows = await run(`${spec.table} list`, () =>
        query
          .selectAll()
          .orderBy(orderBy, 'desc')
          .orderBy(idField, 'desc')
          .limit(params.page_size)
          .offset((params.page - 1) * params.page_size)
          .execute(),
      );
      return toPage(rows.map(parse), Number(counted.total), params);
    },
  };
  return repo;
}
