import { analyzeTool } from './builtin/analyzeTool.js';
import {
  costAllocationTool,
  costRecommendationsTool,
  securityFindingsTool,
  securityPostureTool,
} from './builtin/moduleTools.js';
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
 * creates an operation that waits for approval. The security and cost tools read through the backend's optional
 * members, which the composition root wires to the security guardian and the cost optimizer.
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
  securityFindingsTool,
  securityPostureTool,
  costAllocationTool,
  costRecommendationsTool,
  validateTool,
  proposeOperationTool,
] as ChatTool[];
