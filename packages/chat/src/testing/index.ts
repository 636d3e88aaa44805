/** Test helpers of `@opspilot/chat`. */

export { type FakeReply, type FakeRequest, startFakeOpenAi } from './fakeOpenAi.js';
export { memoryBackend } from './memoryBackend.js';
