/** Test helpers of @opspilot/remediate: the failure classes planted on a simulated cluster (tests and benchmarks). */
export { FAILURE_SCENARIOS, type FailureScenario } from './failureScenarios.js';
