import { BUILTIN_TOOLS, createToolRegistry, type ToolRegistry } from '@opspilot/chat';

/**
 * The server's tool registry: opspilot's built-in tools. Other modules' tool lists (security, cost, mounted MCP
 * servers) are registered here beside them.
 */
export function serverToolRegistry(): ToolRegistry {
  return createToolRegistry(BUILTIN_TOOLS);
}
