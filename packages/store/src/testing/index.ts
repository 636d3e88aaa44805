/**
 * Test helpers of @opspilot/store (`@opspilot/store/testing`), for the tests of any package — never for production
 * code: a fresh migrated store on SQLite or PostgreSQL, and sample records of every entity.
 */
export { createOperationsSamples } from './createOperationsSamples.js';
export { createSampleRecords } from './createSampleRecords.js';
export { dropAuditTriggers } from './dropAuditTriggers.js';
export { DIALECTS, openTestStore, TEST_DATABASE_URL, type TestStore } from './openTestStore.js';
export { sampleTime } from './sampleTime.js';
