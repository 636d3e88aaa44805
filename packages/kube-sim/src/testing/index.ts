/** Test helpers of @opspilot/kube-sim: the real kubectl and helm binaries, and raw API requests (tests only). */

export * from './advanceClock.js';
export * from './apiRequest.js';
export * from './kubectl.js';
