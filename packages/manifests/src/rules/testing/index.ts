export * from './kubeTesting.js';
export * from './dockerTesting.js';
