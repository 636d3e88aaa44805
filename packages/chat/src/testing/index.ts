/** Test helpers of `@opspilot/chat`. */
export { memoryBackend } from './memoryBackend.js';
