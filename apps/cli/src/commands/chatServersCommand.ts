import { McpServerConfig } from '@opspilot/chat';
import { ConflictError, InputError, NotFoundError } from '@opspilot/core';
import type { StoredMcpServer } from '@opspilot/store';
import type { Command } from 'commander';
import { z } from 'zod';
import type { CliContext } from '../cliContext.js';
import { withStore } from '../openCliStore.js';
import { renderColumns } from '../renderOutput.js';
import { reviewActor } from './reviewActor.js';

const AddOptions = z.object({
  url: z.string().optional(),
  command: z.string().optional(),
  arg: z.array(z.string()).default([]),
  header: z.array(z.string()).default([]),
  env: z.array(z.string()).default([]),
  allow: z.array(z.string()).default([]),
});

const masked = (values: Record<string, string>) => Object.fromEntries(Object.keys(values).map((k) => [k, '***']));
const view = (s: StoredMcpServer) => ({ ...s, env: masked(s.env), headers: masked(s.headers) });

/** `KEY=VALUE` pairs (`--header`, `--env`) as a record; a pair without `=` is refused. */
function pairs(list: string[], flag: string, sep = '='): Record<string, string> {
  return Object.fromEntries(
    list.map((item) => {
      const at = item.indexOf(sep);
      if (at <= 0) throw new InputError(`${flag} ${item}: expected NAME${sep}VALUE`, { hint: `e.g. ${flag} a${sep}b` });
      return [item.slice(0, at).trim(), item.slice(at + 1).trim()];
    }),
  );
}

/**
 * Registers `opspilot chat servers [list] | add NAME (--url URL | --command CMD --arg A …) --allow TOOL … | remove
 * NAME`: the organisation's external MCP servers in the store (the same list the server's `chat.mcpServers` keeps),
 * whose allowed tools `opspilot chat`, `opspilot mcp` and the server mount. Secrets (headers, env) are printed masked;
 * changes are audited.
 */
export function chatServersCommand(chat: Command, ctx: CliContext): Command {
  const servers = chat.command('servers').description("the organisation's external MCP servers mounted into chat");
  servers
    .command('list', { isDefault: true })
    .description('list the external MCP servers')
    .action(async (_raw: unknown, command: Command) => {
      const config = await ctx.loadConfig(command);
      await withStore(config, ctx.io.cwd, async (store) => {
        const items = (await store.mcpServers.list({}, { page_size: 100 })).items.map(view);
        ctx.print(command, { items }, (d) =>
          d.items.length === 0
            ? 'no external MCP servers (add one with: opspilot chat servers add NAME --url URL --allow TOOL)\n'
            : `${renderColumns([
                ['NAME', 'TRANSPORT', 'TARGET', 'ALLOW', 'ENABLED'],
                ...d.items.map((s) => [
                  s.name,
                  s.url ? 'http' : 'stdio',
                  s.url ?? [s.command ?? '', ...s.args].join(' '),
                  s.allow.join(',') || '(none)',
                  String(s.enabled),
                ]),
              ])}\n`,
        );
      });
    });
  servers
    .command('add')
    .description('add an external MCP server: --url (Streamable HTTP) or --command (stdio), and the tools allowed')
    .argument('<name>', 'prefix of its tools, e.g. github → github__search_issues')
    .option('--url <url>', 'its Streamable HTTP endpoint')
    .option('--command <cmd>', 'the command that starts it on stdio')
    .option('--arg <arg...>', 'arguments of the command')
    .option('--header <name:value...>', 'HTTP headers, e.g. "authorization: Bearer …"')
    .option('--env <name=value...>', 'environment of the command')
    .option('--allow <tool...>', 'tools that may be called (* for all); nothing else is mounted')
    .action(async (name: string, raw: unknown, command: Command) => {
      const o = AddOptions.parse(raw);
      const parsed = McpServerConfig.safeParse({
        name,
        ...(o.url ? { url: o.url } : {}),
        ...(o.command ? { command: o.command } : {}),
        args: o.arg,
        headers: pairs(o.header, '--header', ':'),
        env: pairs(o.env, '--env'),
        allow: o.allow,
      });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new InputError(`${issue?.path.join('.') || 'server'}: ${issue?.message}`, {
          hint: 'give a lowercase name and either --url or --command',
        });
      }
      const config = await ctx.loadConfig(command);
      await withStore(config, ctx.io.cwd, async (store) => {
        if ((await store.mcpServers.list({ name } as never, { page_size: 1 })).items.length)
          throw new ConflictError(`an MCP server named ${name} exists`, { hint: 'remove it first or choose another' });
        const user = reviewActor(undefined, ctx.io.env);
        const created = await store.mcpServers.create({ ...parsed.data, created_by: user });
        await store.audit.append({
          action: 'chat.mcp_server_add',
          user_id: user,
          target: `mcp:${created.name}`,
          details: { url: created.url, command: created.command, allow: created.allow },
        });
        ctx.print(
          command,
          view(created),
          (s) => `added MCP server ${s.name} (allowed: ${s.allow.join(', ') || 'none'})\n`,
        );
      });
    });
  servers
    .command('remove')
    .description('remove an external MCP server')
    .argument('<name>')
    .action(async (name: string, _raw: unknown, command: Command) => {
      const config = await ctx.loadConfig(command);
      await withStore(config, ctx.io.cwd, async (store) => {
        const [found] = (await store.mcpServers.list({ name } as never, { page_size: 1 })).items;
        if (!found) throw new NotFoundError(`no MCP server ${name}`, { hint: 'opspilot chat servers lists them' });
        await store.mcpServers.delete(found.id);
        const user = reviewActor(undefined, ctx.io.env);
        await store.audit.append({ action: 'chat.mcp_server_remove', user_id: user, target: `mcp:${name}` });
        ctx.print(command, { id: found.id, name }, () => `removed MCP server ${name}\n`);
      });
    });
  return servers;
}
