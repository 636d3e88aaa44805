import {
  ConflictError,
  OPERATION_TRANSITIONS,
  Operation,
  type OperationFilter,
  type OperationLease,
  type OperationState,
  type OperationStore,
} from '@opspilot/core';
import { z } from 'zod';
import type { Db } from './database.js';
import type { Dialect } from './dialect.js';
import { lockRow } from './lockRow.js';
import { parseInput } from './parseInput.js';
import { createRepository } from './repository.js';
import { rowCodec } from './rowMapping.js';
import { sealedPlans } from './sealedPlans.js';
import type { SecretBox } from './secretBox.js';

/**
 * Operations of `@opspilot/ops` (the {@link OperationStore} port). `update` is a compare-and-set on the state, so of
 * two approvers — or an approval racing a rejection — exactly one wins; moves outside the lifecycle are refused.
 * An operation whose plan carries Secret values is stored redacted with the original plan sealed by `secretBox`
 * ({@link sealedPlans}); it reads back with that plan whole and everything else redacted.
 */
export function createOperationRepository(db: Db, dialect: Dialect, secretBox: SecretBox | undefined): OperationStore {
  const base = createRepository(db, dialect, {
    table: 'operations',
    noun: 'operation',
    schema: Operation,
    newSchema: Operation,
    stamps: [],
    orderBy: 'created_at',
  });
  const codec = rowCodec(Operation, dialect);
  const plans = sealedPlans(secretBox);
  return {
    async create(operation) {
      const stored = plans.seal(parseInput(Operation, operation, 'operation'));
      await base.insert(stored);
      return plans.open(stored);
    },
    async get(id) {
      const found = await base.find(id);
      return found && plans.open(found);
    },
    async update(operation, expected: OperationState, lease?: OperationLease) {
      const valid = parseInput(Operation, operation, 'operation');
      // Staying in a state is a move too and refused (rejecting twice, approving twice), except while APPLYING, where
      // the applier records its progress step by step.
      const stays = valid.state === expected && expected === 'APPLYING';
      if (!stays && !OPERATION_TRANSITIONS[expected].includes(valid.state)) {
        throw new ConflictError(`operation ${valid.id} cannot move from ${expected} to ${valid.state}`, {
          hint: `from ${expected} it can move to ${OPERATION_TRANSITIONS[expected].join(', ') || 'nothing (final state)'}`,
        });
      }
      const stored = plans.seal(valid);
      const { id, ...values } = codec.toRow(stored);
      const updated = await inTransaction(db, async (tx) => {
        const result = await tx
          .updateTable('operations')
          .set(values)
          .where('id', '=', String(id))
          .where('state', '=', expected)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 0) return false;
        if (valid.state !== 'APPLYING') {
          await tx.deleteFrom('operation_leases').where('operation_id', '=', valid.id).execute();
        } else if (lease) {
          await tx.deleteFrom('operation_leases').where('operation_id', '=', valid.id).execute();
          await tx
            .insertInto('operation_leases')
            .values({ operation_id: valid.id, ...OperationLeaseRow.parse(lease) })
            .execute();
        }
        return true;
      });
      if (!updated) {
        const current = await base.find(valid.id);
        throw new ConflictError(
          current
            ? `operation ${valid.id} is ${current.state}, not ${expected}: someone else acted on it first`
            : `operation ${valid.id} does not exist`,
          { hint: 'reload the operation and decide again' },
        );
      }
      return plans.open(stored);
    },
    async acquireLease(id, lease, now) {
      const valid = OperationLeaseRow.parse(lease);
      return inTransaction(db, async (tx) => {
        await lockRow(tx, dialect, 'operations', 'id', id);
        const row = await tx
          .selectFrom('operations')
          .leftJoin('operation_leases', 'operation_leases.operation_id', 'operations.id')
          .select([
            'operations.state as state',
            'operation_leases.owner as owner',
            'operation_leases.expires_at as expires_at',
          ])
          .where('operations.id', '=', id)
          .executeTakeFirst();
        if (row?.state !== 'APPLYING') return false;
        const free = row.owner === null || row.owner === valid.owner || String(row.expires_at) <= now;
        if (!free) return false;
        await tx.deleteFrom('operation_leases').where('operation_id', '=', id).execute();
        await tx
          .insertInto('operation_leases')
          .values({ operation_id: id, ...valid })
          .execute();
        return true;
      });
    },
    async listExpiredLeases(now) {
      const rows = await db
        .selectFrom('operations')
        .leftJoin('operation_leases', 'operation_leases.operation_id', 'operations.id')
        .selectAll('operations')
        .where('operations.state', '=', 'APPLYING')
        .where((eb) =>
          eb.or([eb('operation_leases.expires_at', 'is', null), eb('operation_leases.expires_at', '<=', now)]),
        )
        .orderBy('operations.updated_at')
        .execute();
      return rows.map((row) => plans.open(Operation.parse(codec.fromRow(row))));
    },
    async list(filter: OperationFilter, page) {
      const found = await base.list({ ...filter }, page);
      return { ...found, items: found.items.map(plans.open) };
    },
  };
}

/** A lease as given: ISO 8601 UTC expiry, so that text comparison orders it. */
const OperationLeaseRow = z.object({ owner: z.string().min(1), expires_at: z.iso.datetime() });

/** A row of `operation_leases` (migration 0005): the lease of one APPLYING operation. */
export const OperationLeaseRecord = OperationLeaseRow.extend({ operation_id: z.uuid() });

function inTransaction<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}
