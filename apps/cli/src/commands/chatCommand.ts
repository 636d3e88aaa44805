import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { configuredModel } from '@opspilot/ai-providers';
import {
  type ChatService,
  type ChatStreamEvent,
  createChatService,
  repositoryChatStore,
  type ToolContext,
} from '@opspilot/chat';
import { type ChatSession, systemClock } from '@opspilot/core';
import type { Command } from 'commander';
import { z } from 'zod';
import { cliToolBackend } from '../chat/cliToolBackend.js';
import { cliToolRegistry } from '../chat/cliToolRegistry.js';
import type { CliContext } from '../cliContext.js';
import { openGateway } from '../clusterAccess.js';
import { withStore } from '../openCliStore.js';
import { chatPersonasCommand } from './chatPersonasCommand.js';
import { chatServersCommand } from './chatServersCommand.js';
import { reviewActor } from './reviewActor.js';

const ChatOptions = z.object({
  once: z.string().trim().min(1).optional(),
  persona: z.string().min(1).optional(),
  session: z.uuid().optional(),
  readOnly: z.boolean().default(false),
  user: z.string().optional(),
});

interface Turn {
  chat: ChatService;
  session: ChatSession;
  context: ToolContext;
  readOnly: boolean;
}

/** Writes a turn's stream for people: the answer on stdout as it comes, tool calls and results on stderr. */
function textStream(ctx: CliContext, command: Command) {
  const c = ctx.colors(command);
  return (event: ChatStreamEvent) => {
    if (event.type === 'text') ctx.io.stdout.write(event.delta);
    else if (event.type === 'tool_call')
      ctx.io.stderr.write(c.dim(`→ ${event.call.name} ${JSON.stringify(event.call.arguments)}\n`));
    else if (event.type === 'tool_result') {
      const data = event.invocation.data as { operation_id?: string; state?: string } | undefined;
      const operation = data?.operation_id ? ` operation ${data.operation_id} ${data.state ?? ''}` : '';
      ctx.io.stderr.write(
        c.dim(
          `← ${event.invocation.call.name} ${event.invocation.status}${operation}${event.invocation.error ? `: ${event.invocation.error}` : ''}\n`,
        ),
      );
    } else ctx.io.stderr.write(`${c.yellow(event.reason)}\n`);
  };
}

async function ask(turn: Turn, text: string, emit: (event: ChatStreamEvent) => void) {
  return turn.chat.send(turn.session, text, { context: turn.context, readOnly: turn.readOnly, emit });
}

/**
 * Registers `opspilot chat`: a conversation with opspilot about the CLI's cluster, with a persona. Interactive (one
 * question per line, `/exit` to leave, earlier questions with the arrow keys) or `--once "question"` (`-o json|yaml`
 * for the answer with its tool calls). Conversations are kept in the store: `--session ID` continues one. Without a
 * model the offline planner and analyzers answer; changes are only proposed, as operations waiting for approval.
 */
export function chatCommand(parent: Command, ctx: CliContext): Command {
  const chat = parent.command('chat');
  chatServersCommand(chat, ctx);
  chatPersonasCommand(chat, ctx);
  return chat
    .description(
      'chat with opspilot about the cluster: personas, tools, changes proposed for approval (--once for one question)',
    )
    .option('--once <question>', 'ask one question, print the answer and exit')
    .option(
      '--persona <id>',
      'sre-oncall (default), security-analyst, finops-analyst, developer, executive or a custom one',
    )
    .option('--session <id>', 'continue an earlier conversation')
    .option('--read-only', 'never propose changes')
    .option('--user <name>', 'who asks, for the audit log (default OPSPILOT_USER or the OS user)')
    .action(async (raw: unknown, command: Command) => {
      const options = ChatOptions.parse(raw);
      const config = await ctx.loadConfig(command);
      const gateway = openGateway(config, ctx.io);
      const user = reviewActor(options.user, ctx.io.env);
      const model = configuredModel(config.llm);
      if (!model.ok) throw model.error;
      const format = ctx.options(command).output;
      await withStore(config, ctx.io.cwd, async (store) => {
        const err = (text: string) => ctx.io.stderr.write(`${text}\n`);
        const backend = await cliToolBackend({
          config,
          gateway,
          store,
          user,
          readOnly: options.readOnly,
          err,
          io: ctx.io,
        });
        // The organisation's external MCP servers are mounted beside opspilot's tools, as on the server.
        const tools = await cliToolRegistry(store, err);
        try {
          const chat = createChatService({
            store: repositoryChatStore(store),
            registry: tools.registry,
            ...(model.value ? { model: model.value } : {}),
            clock: ctx.io.clock ?? systemClock,
          });
          const session = options.session
            ? await chat.session(user, options.session)
            : await chat.startSession(user, options.persona ? { persona_id: options.persona } : {});
          const turn: Turn = {
            chat,
            session,
            context: { backend, user, ...(config.kube.namespace ? { namespace: config.kube.namespace } : {}) },
            readOnly: options.readOnly,
          };
          if (options.once) {
            const before = (await chat.messages(session.id)).length;
            const outcome = await ask(
              turn,
              options.once,
              format === 'text' ? textStream(ctx, command) : () => undefined,
            );
            if (format === 'text') ctx.io.stdout.write('\n');
            else {
              const messages = (await chat.messages(session.id)).slice(before);
              ctx.print(command, {
                session_id: session.id,
                persona_id: session.persona_id,
                model: outcome.model,
                answer: outcome.answer,
                ...(outcome.stopped ? { stopped: outcome.stopped } : {}),
                tokens: outcome.tokens,
                tool_calls: messages.flatMap((m) => m.tool_calls),
                tool_results: messages.flatMap((m) => m.tool_results),
              });
            }
            if (outcome.stopped) ctx.run.exitCode = 1;
            return;
          }
          const persona = await chat.persona(session.persona_id);
          err(
            `opspilot chat — ${persona.name} (${model.value?.id ?? 'offline: planner and analyzers'}), session ${session.id}; /exit to leave`,
          );
          const input = ctx.io.terminal ?? Readable.from(ctx.io.stdin ?? process.stdin);
          const lines = createInterface({
            input,
            output: ctx.io.terminal ? process.stderr : undefined,
            terminal: Boolean(ctx.io.terminal),
            historySize: 200,
          });
          const prompt = () => {
            if (ctx.io.terminal) lines.prompt();
          };
          lines.setPrompt('› ');
          prompt();
          for await (const line of lines) {
            const text = line.trim();
            if (text === '/exit' || text === '/quit') break;
            if (text) {
              await ask(turn, text, textStream(ctx, command));
              ctx.io.stdout.write('\n');
            }
            prompt();
          }
          lines.close();
        } finally {
          await tools.close();
        }
      });
    });
}
