import { COST_PIPELINE_TABLES } from './m0001/costPipelineTables.js';
import { DELIVERY_TABLES } from './m0001/deliveryTables.js';
import { DOCS_HEALING_TABLES } from './m0001/docsHealingTables.js';
import { INCIDENT_SECURITY_TABLES } from './m0001/incidentSecurityTables.js';
import { SEED003_TABLES } from './m0001/seed003Tables.js';
import type { TableSpec } from './tableSpec.js';

/**
 * Tables of the first release, one per persistent entity of the seeds (000, 001, 003 §2–8, 004).
 * Frozen: a later change to a table is a new migration, never an edit here.
 * Column kinds: `text` (also ids, enums and ISO timestamps), `int`, `real`, `bool` (0/1), `json`.
 * The third element marks NOT NULL.
 */
export const INITIAL_TABLES: Record<string, TableSpec['columns']> = {
  ...SEED003_TABLES,
  ...DELIVERY_TABLES,
  ...INCIDENT_SECURITY_TABLES,
  ...COST_PIPELINE_TABLES,
  ...DOCS_HEALING_TABLES,
};
