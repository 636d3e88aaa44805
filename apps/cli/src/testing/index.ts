/** Test helpers of @opspilot/cli; for tests only. */

export { type LoadedModules, loadedModules } from './loadedModules.js';
export { type MemoryIo, memoryIo } from './memoryIo.js';
