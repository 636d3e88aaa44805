export * from './apiToken.js';
export * from './user.js';
