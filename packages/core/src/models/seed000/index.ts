export * from './aiCommand.js';
export * from './auditTrailEntry.js';
export * from './generatedConfig.js';
export * from './generatedConfigState.js';
export * from './generatedConfigTransitions.js';
export * from './review.js';
export * from './validationResult.js';
