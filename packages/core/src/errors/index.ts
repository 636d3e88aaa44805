export * from './disruptionBudgetError.js';
export * from './errorMapping.js';
export * from './opspilotError.js';
