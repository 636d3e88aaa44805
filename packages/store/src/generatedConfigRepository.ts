import {
  GeneratedConfig,
  type GeneratedConfigState,
  NewGeneratedConfig,
  transitionGeneratedConfig,
} from '@opspilot/core';
import type { Db } from './database.js';
import type { Dialect } from './dialect.js';
import { createRepository, type Repository } from './repository.js';

/** Generated configurations, whose state only moves along the seed-000 state machine. */
export interface GeneratedConfigRepository extends Repository<GeneratedConfig, NewGeneratedConfig> {
  /** Moves a configuration to `to`; throws ConflictError for an illegal move, leaving the stored row untouched. */
  transition(id: string, to: GeneratedConfigState): Promise<GeneratedConfig>;
}

/** Builds the generated-configuration repository. */
export function createGeneratedConfigRepository(db: Db, dialect: Dialect): GeneratedConfigRepository {
  const base = createRepository(db, dialect, {
    table: 'generated_configs',
    noun: 'generated configuration',
    schema: GeneratedConfig,
    newSchema: NewGeneratedConfig.transform((c) => ({ ...c, state: 'GENERATED' as const })),
    stamps: ['created_at', 'updated_at'],
  });
  return {
    ...base,
    async transition(id, to) {
      const next = transitionGeneratedConfig(await base.get(id), to);
      return base.update(id, { state: next.state });
    },
  };
}
