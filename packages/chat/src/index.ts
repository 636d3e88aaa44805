/**
 * @opspilot/chat — the one registry of tools offered to language models and MCP clients (typed, read or write,
 * redacted and size-bounded results, untrusted data labelled), chat sessions with personas, and the MCP server
 * and client. Changes are only ever proposed (`propose_operation`), never applied.
 */

export {
  type ChatService,
  type ChatServiceDeps,
  type ChatStore,
  createChatService,
  type SendOptions,
} from './chat/chatService.js';
export {
  type ChatBudgets,
  type ChatStreamEvent,
  DEFAULT_CHAT_BUDGETS,
  type TurnMessage,
  type TurnOutcome,
  toToolResult,
} from './chat/chatTypes.js';
export { historyMessages } from './chat/historyMessages.js';
export { memoryChatStore } from './chat/memoryChatStore.js';
export { type ChatRepositories, repositoryChatStore } from './chat/repositoryChatStore.js';
export { NEEDS_MODEL, OFFLINE_MODEL } from './chat/runOfflineTurn.js';
export { connectMcpClient } from './mcp/connectMcpClient.js';
export { createMcpServer, type McpServerOptions } from './mcp/createMcpServer.js';
export { MCP_PROMPTS, type McpPromptDefinition } from './mcp/mcpPrompts.js';
export { type McpClientLike, McpServerConfig, mountMcpTools } from './mcp/mountMcpTools.js';
export { BUILTIN_PERSONAS, DEFAULT_PERSONA_ID } from './personas/builtinPersonas.js';
export { ChatPersona, NewPersona, PersonaPatch, PersonaScope } from './personas/chatPersona.js';
export { personaToolFilter } from './personas/personaTools.js';
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
