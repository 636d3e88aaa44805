/** Test helpers of @opspilot/cli; for tests only. */
export { type MemoryIo, memoryIo } from './memoryIo.js';
