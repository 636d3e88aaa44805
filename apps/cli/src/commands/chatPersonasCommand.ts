import {
  type ChatPersona,
  createChatService,
  createToolRegistry,
  NewPersona,
  PersonaPatch,
  repositoryChatStore,
} from '@opspilot/chat';
import { InputError } from '@opspilot/core';
import type { Store } from '@opspilot/store';
import type { Command } from 'commander';
import type { z } from 'zod';
import type { CliContext } from '../cliContext.js';
import { withStore } from '../openCliStore.js';
import { renderColumns } from '../renderOutput.js';
import { reviewActor } from './reviewActor.js';

/** Commander's options of `add` and `set`, as persona fields (only those given). */
function fieldsOf(raw: Record<string, unknown>): Record<string, unknown> {
  const map: Record<string, string> = {
    name: 'name',
    description: 'description',
    prompt: 'system_prompt',
    tool: 'capabilities',
    icon: 'icon',
    tone: 'tone',
    scope: 'scope',
  };
  return Object.fromEntries(
    Object.entries(map)
      .filter(([flag]) => raw[flag] !== undefined)
      .map(([flag, field]) => [field, raw[flag]]),
  );
}

/** Parses with a schema, refusing with the first issue as an InputError naming the flag's field. */
function parsed<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new InputError(`${issue?.path.join('.') || 'persona'}: ${issue?.message}`, {
    hint: '--scope is session or all-clusters; an id is 4 to 32 lowercase letters, digits or -',
  });
}

const table = (items: ChatPersona[]) =>
  `${renderColumns([
    ['ID', 'NAME', 'SCOPE', 'TONE', 'TOOLS', 'BUILT-IN'],
    ...items.map((p) => [
      p.id,
      p.name,
      p.scope,
      p.tone,
      p.capabilities.length ? String(p.capabilities.length) : 'all',
      String(p.is_builtin),
    ]),
  ])}\n`;

const withOptions = (command: Command) =>
  command
    .option('--name <name>', 'display name')
    .option('--description <text>', 'one line on what it is for')
    .option('--prompt <text>', 'its system prompt')
    .option('--tool <name...>', 'tools it may call (patterns like cost_*); none listed = every tool')
    .option('--icon <name>', 'icon name shown in the web')
    .option('--tone <text>', 'how it speaks, e.g. "terse, numbers first"')
    .option('--scope <scope>', 'default clusters of its sessions: session (the default cluster) or all-clusters');

/**
 * Registers `opspilot chat personas [list] | add ID --name … --prompt … [--tone …] [--scope session|all-clusters]
 * [--tool …] | set ID [fields…]`: the built-in personas and the organisation's own in the store (the same ones the
 * server's `chat.personas` lists). A custom persona keeps its tone and default cluster scope; built-in ones cannot
 * be changed. Changes are audited.
 */
export function chatPersonasCommand(chat: Command, ctx: CliContext): Command {
  const personas = chat.command('personas').description('chat personas: built-in and the organisation’s own');
  const serviceOf = (store: Store) =>
    createChatService({ store: repositoryChatStore(store), registry: createToolRegistry() });
  personas
    .command('list', { isDefault: true })
    .description('list the personas with their tone and default cluster scope')
    .action(async (_raw: unknown, command: Command) => {
      const config = await ctx.loadConfig(command);
      await withStore(config, ctx.io.cwd, async (store) => {
        const items = await serviceOf(store).personas();
        ctx.print(command, { items }, (d) => table(d.items));
      });
    });
  withOptions(
    personas
      .command('add')
      .description('add a custom persona (needs --name and --prompt)')
      .argument('<id>', 'its id, e.g. db-oncall'),
  ).action(async (id: string, raw: Record<string, unknown>, command: Command) => {
    const input = parsed(NewPersona, { id, ...fieldsOf(raw) });
    const config = await ctx.loadConfig(command);
    await withStore(config, ctx.io.cwd, async (store) => {
      const user = reviewActor(undefined, ctx.io.env);
      const created = await serviceOf(store).createPersona(input, user);
      await store.audit.append({
        action: 'chat.persona_create',
        user_id: user,
        target: `persona:${created.id}`,
        details: { tools: created.capabilities, tone: created.tone, scope: created.scope },
      });
      ctx.print(command, created, (p) => `added persona ${p.id} (scope ${p.scope}, tone ${p.tone})\n`);
    });
  });
  withOptions(
    personas
      .command('set')
      .description('change a custom persona: only the fields given')
      .argument('<id>', 'the persona'),
  ).action(async (id: string, raw: Record<string, unknown>, command: Command) => {
    const patch = parsed(PersonaPatch, fieldsOf(raw));
    const config = await ctx.loadConfig(command);
    await withStore(config, ctx.io.cwd, async (store) => {
      const user = reviewActor(undefined, ctx.io.env);
      const updated = await serviceOf(store).updatePersona(id, patch);
      await store.audit.append({
        action: 'chat.persona_update',
        user_id: user,
        target: `persona:${updated.id}`,
        details: { changed: Object.keys(patch), tone: updated.tone, scope: updated.scope },
      });
      ctx.print(command, updated, (p) => `changed persona ${p.id} (scope ${p.scope}, tone ${p.tone})\n`);
    });
  });
  return personas;
}
