export * from './errorMapping.js';
export * from './opspilotError.js';
