export * from './dockerTesting.js';
export * from './kubeTesting.js';
