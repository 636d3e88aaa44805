/** Test helpers of @opspilot/kube: a TCP relay that counts the connections a client keeps open to an API server. */
export { type ConnectionCounter, startConnectionCounter } from './startConnectionCounter.js';
