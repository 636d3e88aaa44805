import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createMcpServer } from '@opspilot/chat';
import type { Command } from 'commander';
import { z } from 'zod';
import { cliToolBackend } from '../chat/cliToolBackend.js';
import { cliToolRegistry } from '../chat/cliToolRegistry.js';
import type { CliContext } from '../cliContext.js';
import { openGateway } from '../clusterAccess.js';
import { withStore } from '../openCliStore.js';
import { reviewActor } from './reviewActor.js';

const McpOptions = z.object({ readOnly: z.boolean().default(false), user: z.string().optional() });

/**
 * Registers `opspilot mcp`: opspilot as an MCP server on stdin/stdout for MCP clients (Claude Desktop, IDEs, agents)
 * that start it as a command. It offers the tool registry over the CLI's cluster, resources and prompts; changes
 * only as `propose_operation`, stored as operations waiting for approval (none with `--read-only`); the allowed tools
 * of the organisation's external MCP servers are mounted and offered too (their client side). Runs until the
 * client closes stdin; logs go to stderr, since stdout carries the protocol.
 */
export function mcpCommand(parent: Command, ctx: CliContext): Command {
  return parent
    .command('mcp')
    .description('serve opspilot’s tools to MCP clients over stdio (read tools; changes only proposed for approval)')
    .option('--read-only', 'offer read tools only: no propose_operation')
    .option('--user <name>', 'who proposes operations, for the audit log (default OPSPILOT_USER or the OS user)')
    .action(async (raw: unknown, command: Command) => {
      const options = McpOptions.parse(raw);
      const config = await ctx.loadConfig(command);
      const gateway = openGateway(config, ctx.io);
      const user = reviewActor(options.user, ctx.io.env);
      const err = (text: string) => ctx.io.stderr.write(`${text}\n`);
      await withStore(config, ctx.io.cwd, async (store) => {
        const backend = await cliToolBackend({
          config,
          gateway,
          store,
          user,
          readOnly: options.readOnly,
          err,
          io: ctx.io,
        });
        const tools = await cliToolRegistry(store, err);
        const server = createMcpServer({
          registry: tools.registry,
          context: { backend, user, namespace: config.kube.namespace },
          readOnly: options.readOnly,
          onCall: (invocation) => {
            err(`mcp: ${invocation.call.name} ${invocation.status} (${invocation.duration_ms} ms)`);
          },
        });
        const closed = new Promise<void>((resolve) => {
          server.onclose = resolve;
          process.stdin.once('end', resolve);
        });
        await server.connect(new StdioServerTransport(process.stdin, process.stdout));
        err(`opspilot MCP server on stdio (${options.readOnly ? 'read-only' : 'changes proposed for approval'})`);
        await closed;
        await server.close();
        await tools.close();
      });
    });
}
