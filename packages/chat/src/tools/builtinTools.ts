import { analyzeTool } from './builtin/analyzeTool.js';
import {
  describeObjectTool,
  getEventsTool,
  getLogsTool,
  getObjectTool,
  listClustersTool,
  listObjectsTool,
} from './builtin/objectTools.js';
import { proposeOperationTool } from './builtin/proposeOperationTool.js';
import {
  listAlertsTool,
  listAnomaliesTool,
  listIncidentsTool,
  queryMetricsTool,
  searchLogsTool,
  searchTracesTool,
} from './builtin/signalTools.js';
import { validateTool } from './builtin/validateTool.js';
import type { ChatTool } from './chatTool.js';

/**
 * opspilot's own tools, for chat, the agent and MCP clients: every one reads, except `propose_operation`, which
 * creates an operation that waits for approval. Other modules export their own lists (security, cost) and the
 * composition root registers them beside these.
 */
export const BUILTIN_TOOLS: readonly ChatTool[] = [
  listClustersTool,
  listObjectsTool,
  getObjectTool,
  describeObjectTool,
  getEventsTool,
  getLogsTool,
  analyzeTool,
  queryMetricsTool,
  searchLogsTool,
  searchTracesTool,
  listAlertsTool,
  listIncidentsTool,
  listAnomaliesTool,
  validateTool,
  proposeOperationTool,
] as ChatTool[];
