import {
  ConflictError,
  OPERATION_TRANSITIONS,
  Operation,
  type OperationFilter,
  type OperationState,
  type OperationStore,
} from '@opspilot/core';
import type { Db } from './database.js';
import type { Dialect } from './dialect.js';
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
    async update(operation, expected: OperationState) {
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
      const result = await db
        .updateTable('operations')
        .set(values)
        .where('id', '=', String(id))
        .where('state', '=', expected)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) {
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
    async list(filter: OperationFilter, page) {
      const found = await base.list({ ...filter }, page);
      return { ...found, items: found.items.map(plans.open) };
    },
  };
}
