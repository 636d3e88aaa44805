export * from './action.js';
export * from './analyzer.js';
export * from './connector.js';
export * from './pluginId.js';
export * from './provider.js';
export * from './registry.js';
export * from './rule.js';
export * from './tool.js';
