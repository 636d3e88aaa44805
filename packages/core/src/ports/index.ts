export * from './auditLog.js';
export * from './clock.js';
export * from './clusterGateway.js';
export * from './eventBus.js';
export * from './jobQueue.js';
export * from './kubeObject.js';
export * from './languageModel.js';
export * from './observability.js';
