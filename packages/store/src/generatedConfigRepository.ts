import {
  GeneratedConfig,
  GeneratedConfigState,
  InputError,
  NewGeneratedConfig,
  transitionGeneratedConfig,
} from '@opspilot/core';
import type { Db } from './database.js';
import type { Dialect } from './dialect.js';
import { lockRow } from './lockRow.js';
import { parseInput } from './parseInput.js';
import { createRepository, type Repository } from './repository.js';

/** Generated configurations (seed 000), whose state only moves along the seed-000 state machine. */
export interface GeneratedConfigRepository extends Repository<GeneratedConfig, NewGeneratedConfig> {
  /**
   * Moves a configuration to `to` (read, check and write in one transaction with the row locked); throws
   * ConflictError for an illegal move, leaving the stored row untouched.
   */
  transition(id: string, to: GeneratedConfigState): Promise<GeneratedConfig>;
}

/** Builds the generated-configuration repository; `inTransaction` runs a function in one database transaction. */
export function createGeneratedConfigRepository(
  db: Db,
  dialect: Dialect,
  inTransaction: <R>(fn: (tx: Db) => Promise<R>) => Promise<R>,
): GeneratedConfigRepository {
  const on = (handle: Db) =>
    createRepository(handle, dialect, {
      table: 'generated_configs',
      noun: 'generated configuration',
      schema: GeneratedConfig,
      newSchema: NewGeneratedConfig.transform((c) => ({ ...c, state: 'GENERATED' as const })),
      stamps: ['created_at', 'updated_at'],
    });
  const base = on(db);
  return {
    ...base,
    async update(id, patch) {
      if (patch.state !== undefined && patch.state !== (await base.get(id)).state) {
        throw new InputError(`the state of generated configuration ${id} cannot be set directly`, {
          hint: `use transition(id, '${patch.state}'), which checks the seed-000 state machine`,
        });
      }
      return base.update(id, patch);
    },
    async transition(id, to) {
      const target = parseInput(GeneratedConfigState, to, 'generated configuration state');
      return inTransaction(async (tx) => {
        const configs = on(tx);
        await lockRow(tx, dialect, 'generated_configs', 'id', id);
        const next = transitionGeneratedConfig(await configs.get(id), target);
        return configs.update(id, { state: next.state });
      });
    },
  };
}
