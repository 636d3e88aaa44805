import { ChatPersona, NewPersona, PersonaPatch } from '@opspilot/chat';
import { ChatMessage, ChatSession, InputError, PersonaId, roleAtLeast } from '@opspilot/core';
import { z } from 'zod';
import { chatToolContext } from '../../chat/chatContext.js';
import { chatOf } from '../../chat/chatServices.js';
import { audit, procedureFor, router } from '../trpc.js';
import { visibleCluster, visibleClusters } from '../visibleClusters.js';
import { chatMcpServersProcedures } from './chatMcpServersProcedures.js';

const route = (method: 'GET' | 'POST' | 'PATCH', path: string, summary: string) => ({
  openapi: { method, path: `/chat${path}` as `/${string}`, tags: ['chat'], protect: true, summary },
});

const SessionIdInput = z.object({ session_id: z.uuid() });

/** The answer to `chat.send`: the final answer, why the turn stopped early (if it did) and the turn's messages. */
export const SendResult = z.object({
  answer: z.string(),
  stopped: z.string().optional(),
  model: z.string(),
  tokens: z.number().int(),
  messages: z.array(ChatMessage),
});

/**
 * Chat (seed 003 §5): personas (built-in and the organisation's own), the caller's sessions with their persona and
 * cluster context, their messages with tool calls and results, and `send`, which answers a message with the
 * configured model or offline. A session is its owner's alone; its tools see only the clusters of its context that
 * the caller may see, and propose changes (operations waiting for approval) only for OPERATORs and above. For
 * streamed answers use `POST /api/chat/sessions/{id}/stream` (server-sent events).
 */
export const chatRouter = router({
  ...chatMcpServersProcedures,
  personas: procedureFor('VIEWER')
    .meta(route('GET', '/personas', 'List personas'))
    .input(z.object({}))
    .output(z.object({ items: z.array(ChatPersona) }))
    .query(async ({ ctx }) => ({ items: await (await chatOf(ctx.services)).personas() })),

  createPersona: procedureFor('ADMIN')
    .meta(route('POST', '/personas', 'Create a custom persona'))
    .input(NewPersona)
    .output(ChatPersona)
    .mutation(async ({ ctx, input }) => {
      const created = await (await chatOf(ctx.services)).createPersona(input, ctx.principal.user.username);
      await audit(ctx, {
        action: 'chat.persona_create',
        target: `persona:${created.id}`,
        details: { tools: created.capabilities, tone: created.tone, scope: created.scope },
      });
      return created;
    }),

  updatePersona: procedureFor('ADMIN')
    .meta(route('PATCH', '/personas/{id}', 'Change a custom persona (tone, default cluster scope, tools, prompt)'))
    .input(PersonaPatch.extend({ id: PersonaId }))
    .output(ChatPersona)
    .mutation(async ({ ctx, input }) => {
      const { id, ...patch } = input;
      const updated = await (await chatOf(ctx.services)).updatePersona(id, patch);
      await audit(ctx, {
        action: 'chat.persona_update',
        target: `persona:${updated.id}`,
        details: { changed: Object.keys(patch), tone: updated.tone, scope: updated.scope },
      });
      return updated;
    }),

  sessions: procedureFor('VIEWER')
    .meta(route('GET', '/sessions', 'List my chat sessions'))
    .input(z.object({}))
    .output(z.object({ items: z.array(ChatSession) }))
    .query(async ({ ctx }) => ({ items: await (await chatOf(ctx.services)).sessions(ctx.principal.user.id) })),

  start: procedureFor('VIEWER')
    .meta(route('POST', '/sessions', 'Start a chat session'))
    .input(
      z.object({
        persona_id: z.string().min(1).optional(),
        cluster_ids: z.array(z.uuid()).max(50).default([]),
        title: z.string().max(200).optional(),
      }),
    )
    .output(ChatSession)
    .mutation(async ({ ctx, input }) => {
      for (const id of input.cluster_ids) await visibleCluster(ctx.services.store, ctx.principal, id);
      // With no cluster chosen, the persona's default scope decides: the default cluster (the first listed) or all.
      const [first] = input.cluster_ids.length ? [] : await visibleClusters(ctx.services.store, ctx.principal);
      return (await chatOf(ctx.services)).startSession(ctx.principal.user.id, {
        ...(input.persona_id ? { persona_id: input.persona_id } : {}),
        ...(input.title ? { title: input.title } : {}),
        cluster_context: input.cluster_ids,
        ...(first ? { default_cluster: first.id } : {}),
      });
    }),

  messages: procedureFor('VIEWER')
    .meta(route('GET', '/sessions/{session_id}/messages', 'Messages of a session'))
    .input(SessionIdInput)
    .output(z.object({ session: ChatSession, items: z.array(ChatMessage) }))
    .query(async ({ ctx, input }) => {
      const chat = await chatOf(ctx.services);
      const session = await chat.session(ctx.principal.user.id, input.session_id);
      return { session, items: await chat.messages(session.id) };
    }),

  send: procedureFor('VIEWER')
    .meta(route('POST', '/sessions/{session_id}/messages', 'Send a message and get the answer'))
    .input(SessionIdInput.extend({ text: z.string().trim().min(1).max(10_000) }))
    .output(SendResult)
    .mutation(async ({ ctx, input }) => {
      const chat = await chatOf(ctx.services);
      const session = await chat.session(ctx.principal.user.id, input.session_id);
      if (!input.text) throw new InputError('empty message', { hint: 'type a question' });
      const before = session.message_count;
      const outcome = await chat.send(session, input.text, {
        context: chatToolContext(ctx.services, ctx.principal, session),
        readOnly: !roleAtLeast(ctx.principal.user.role, 'OPERATOR'),
      });
      const messages = (await chat.messages(session.id)).slice(before);
      return {
        answer: outcome.answer,
        ...(outcome.stopped ? { stopped: outcome.stopped } : {}),
        model: outcome.model,
        tokens: outcome.tokens,
        messages,
      };
    }),
});
