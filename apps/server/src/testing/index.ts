/** Test helpers of @opspilot/server: a built server over a fresh store with a user of every role, an event socket client. */
export { type RegisteredSim, registerSimCluster } from './registerSimCluster.js';
export { type StartTestApiOptions, startTestApi, type TestApi, type TestUser } from './startTestApi.js';
export { type EventSocketClient, subscribeEvents } from './subscribeEvents.js';
