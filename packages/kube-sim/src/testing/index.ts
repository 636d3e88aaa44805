/** Test helpers of @opspilot/kube-sim: the real kubectl and helm binaries (tests only). */
export * from './kubectl.js';
