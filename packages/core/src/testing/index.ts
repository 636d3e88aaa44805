// Helpers for tests of every package (never imported by production code; see .dependency-cruiser.cjs).
export { findSystemTool, requireSystemTool, SYSTEM_TOOLS, type SystemTool } from './requireSystemTool.js';
