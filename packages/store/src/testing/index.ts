/** Test helpers of @opspilot/store, for the tests of any package (never for production code). */
export * from './openTestStore.js';
