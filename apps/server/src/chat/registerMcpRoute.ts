import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { createMcpServer, type ToolInvocation } from '@opspilot/chat';
import { roleAtLeast } from '@opspilot/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiServices } from '../api/apiServices.js';
import { authenticateRequest } from '../auth/authenticateRequest.js';
import type { Principal } from '../auth/principal.js';
import { publishAudit } from '../events/publishAudit.js';
import { serverToolBackend } from './serverToolBackend.js';
import { serverToolRegistry } from './serverToolRegistry.js';

/** Where the MCP server is served (Streamable HTTP). */
export const MCP_PATH = '/mcp';

const rpcError = (reply: FastifyReply, status: number, message: string) =>
  reply
    .code(status)
    .header('www-authenticate', 'Bearer realm="opspilot"')
    .send({ jsonrpc: '2.0', error: { code: -32001, message }, id: null });

/** Whether the client asked for read-only tools (`?read_only=true` or `x-opspilot-read-only: true`). */
function readOnlyAsked(request: FastifyRequest): boolean {
  const query = (request.query ?? {}) as Record<string, unknown>;
  return query.read_only === 'true' || request.headers['x-opspilot-read-only'] === 'true';
}

async function auditCall(services: ApiServices, principal: Principal, invocation: ToolInvocation) {
  await publishAudit(services, {
    action: 'mcp.tool_call',
    target: `tool:${invocation.call.name}`,
    user_id: principal.user.id,
    ai_tool: 'mcp',
    status: invocation.status === 'SUCCESS' ? 'SUCCESS' : 'ERROR',
    details: {
      username: principal.user.username,
      via: principal.via,
      arguments: invocation.call.arguments,
      result_status: invocation.status,
      ...(invocation.error ? { error: invocation.error } : {}),
    },
  });
}

/**
 * opspilot's MCP server over the Streamable HTTP transport at `/mcp` (stateless: each request is answered on its
 * own). Callers authenticate with an API token (`Authorization: Bearer ops_…`); the tools see only the clusters the
 * token's user may see; VIEWERs and `?read_only=true` get read tools only, and nobody gets more than
 * `propose_operation`, whose operations wait for approval. Every tool call is audited as `mcp.tool_call`.
 */
export function registerMcpRoute(app: FastifyInstance, services: ApiServices): void {
  const handle = async (request: FastifyRequest, reply: FastifyReply) => {
    const principal = await authenticateRequest({ headers: request.headers, cookies: {} }, services.auth);
    if (!principal) return rpcError(reply, 401, 'send Authorization: Bearer ops_… with an opspilot API token');
    const readOnly = readOnlyAsked(request) || !roleAtLeast(principal.user.role, 'OPERATOR');
    const server = createMcpServer({
      registry: await serverToolRegistry(services),
      context: {
        backend: serverToolBackend(services, principal, { readOnly }),
        user: principal.user.username,
        now: services.clock.now(),
      },
      readOnly,
      onCall: (invocation) => auditCall(services, principal, invocation),
    });
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    reply.hijack();
    reply.raw.on('close', () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(request.raw, reply.raw, request.body);
  };
  app.post(MCP_PATH, handle);
  app.get(MCP_PATH, handle);
  app.delete(MCP_PATH, handle);
}
