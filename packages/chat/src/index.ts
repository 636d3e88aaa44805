/**
 * @opspilot/chat — the one registry of tools offered to language models and MCP clients (typed, read or write,
 * redacted and size-bounded results, untrusted data labelled), chat sessions with personas, and the MCP server
 * and client. Changes are only ever proposed (`propose_operation`), never applied.
 */

export { createMcpServer, type McpServerOptions } from './mcp/createMcpServer.js';
export { MCP_PROMPTS, type McpPromptDefinition } from './mcp/mcpPrompts.js';
export { MAX_RESULT_CHARS, renderToolValue, truncateText } from './tools/boundedText.js';
export { BUILTIN_TOOLS } from './tools/builtinTools.js';
export { type CallToolOptions, callTool, type ToolInvocation } from './tools/callTool.js';
export { type ChatTool, type ChatToolDefinition, defineChatTool } from './tools/chatTool.js';
export { resolveCluster } from './tools/resolveCluster.js';
export type {
  LogSearch,
  ProposedOperation,
  SignalFilter,
  ToolBackend,
  ToolCluster,
  ToolClusterInfo,
  ToolContext,
  TraceSearch,
} from './tools/toolContext.js';
export { createToolRegistry, type ToolFilter, type ToolRegistry, toolAllowed } from './tools/toolRegistry.js';
