export * from './operation.js';
export * from './redactPlan.js';
