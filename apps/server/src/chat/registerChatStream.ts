import type { ChatStreamEvent } from '@opspilot/chat';
import { isOpspilotError, roleAtLeast } from '@opspilot/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ApiServices } from '../api/apiServices.js';
import { authenticateRequest, csrfSatisfied } from '../auth/authenticateRequest.js';
import { toHttpError } from '../errorResponse.js';
import { chatToolContext } from './chatContext.js';
import { chatOf } from './chatServices.js';

/** Where a chat answer is streamed: `POST` with `{ "text": "…" }`, answered as server-sent events. */
export const CHAT_STREAM_PATH = '/api/chat/sessions/:id/stream';

const Body = z.object({ text: z.string().trim().min(1).max(10_000) });
const Params = z.object({ id: z.uuid() });

const frame = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

function stream(event: ChatStreamEvent): string {
  switch (event.type) {
    case 'text':
      return frame('text', { delta: event.delta });
    case 'tool_call':
      return frame('tool_call', event.call);
    case 'tool_result':
      return frame('tool_result', {
        tool_call_id: event.invocation.call.id,
        name: event.invocation.call.name,
        status: event.invocation.status,
        content: event.invocation.content,
        ...(event.invocation.data !== undefined ? { data: event.invocation.data } : {}),
        ...(event.invocation.error ? { error: event.invocation.error } : {}),
      });
    case 'stopped':
      return frame('stopped', { reason: event.reason });
  }
}

/**
 * Streams the answer to a chat message as server-sent events: `text` (pieces of the answer as the model writes
 * them), `tool_call` and `tool_result` (as tools run), `stopped` (a budget or a failure), then `done` with the
 * outcome — or `error` with a seed 003 §8.3 body. Same rules as `chat.send`: the session's owner only (a cookie
 * session needs the CSRF token), the session's clusters, changes only proposed and only by OPERATORs and above.
 */
export function registerChatStream(app: FastifyInstance, services: ApiServices): void {
  app.post(CHAT_STREAM_PATH, async (request: FastifyRequest, reply: FastifyReply) => {
    const now = services.clock.now();
    const principal = await authenticateRequest(request, services.auth);
    if (!principal || !csrfSatisfied(request, principal)) {
      return reply.code(401).send({
        error_code: 'UNAUTHORIZED',
        message: 'sign in, or send an API token',
        trace_id: request.id,
        timestamp: now.toISOString(),
      });
    }
    const params = Params.safeParse(request.params);
    const body = Body.safeParse(request.body);
    if (!params.success || !body.success) {
      return reply.code(400).send({
        error_code: 'INVALID_INPUT',
        message: 'send {"text": "…"} to /api/chat/sessions/<uuid>/stream',
        trace_id: request.id,
        timestamp: now.toISOString(),
      });
    }
    const chat = await chatOf(services);
    let session: Awaited<ReturnType<typeof chat.session>>;
    try {
      session = await chat.session(principal.user.id, params.data.id);
    } catch (error) {
      const { status, body: errorBody } = toHttpError(error, request.id, now);
      return reply.code(status).send(errorBody);
    }
    reply.hijack();
    const out = reply.raw;
    out.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', 'x-accel-buffering': 'no' });
    out.flushHeaders();
    const abort = new AbortController();
    out.on('close', () => abort.abort());
    try {
      const outcome = await chat.send(session, body.data.text, {
        context: { ...chatToolContext(services, principal, session), signal: abort.signal },
        readOnly: !roleAtLeast(principal.user.role, 'OPERATOR'),
        emit: (event) => out.write(stream(event)),
      });
      out.write(frame('done', outcome));
    } catch (error) {
      if (!isOpspilotError(error)) services.logger.error({ err: error, trace_id: request.id }, 'chat turn failed');
      out.write(frame('error', toHttpError(error, request.id, services.clock.now()).body));
    }
    out.end();
  });
}
