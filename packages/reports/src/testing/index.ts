/** Test helpers of @opspilot/reports (tests and the demo only). */
export { sampleSources } from './sampleSources.js';
