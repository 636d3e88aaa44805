export * from './ciRun.js';
export * from './deploymentRecord.js';
export * from './testReport.js';
export * from './webhookDelivery.js';
