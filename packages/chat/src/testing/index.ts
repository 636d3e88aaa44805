/** Test helpers of `@opspilot/chat`. */

export { startExternalMcpServer } from './externalMcpServer.js';
export { type FakeReply, type FakeRequest, startFakeOpenAi } from './fakeOpenAi.js';
export { memoryBackend } from './memoryBackend.js';
