/**
 * @opspilot/core — the domain model of the seeds (zod schemas with inferred types), the error set, `Result`,
 * the ports every engine talks through, and the plug-in contracts. Imports nothing but zod.
 */

export * from './eachLimited.js';
export * from './errors/index.js';
export * from './models/auth/index.js';
export * from './models/common.js';
export * from './models/delivery/index.js';
export * from './models/ops/index.js';
export * from './models/pagination.js';
export * from './models/quantity.js';
export * from './models/seed000/index.js';
export * from './models/seed001/index.js';
export * from './models/seed003/index.js';
export * from './models/seed004/index.js';
export * from './plugins/index.js';
export * from './ports/index.js';
export * from './redaction/index.js';
export * from './result.js';
