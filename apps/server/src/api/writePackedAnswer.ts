import { randomUUID } from 'node:crypto';
import { stringifyAnswer } from '@opspilot/observe';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** Answers of one request to be written after the API adapter has written its envelope, by the mark standing in. */
interface Pending {
  mark: string;
  /** `JSON.stringify` of a mark without its closing quote: what a stand-in becomes in the adapter's body. */
  prefix: string;
  answers: unknown[];
}

const pending = new WeakMap<FastifyRequest, Pending>();

/**
 * Lets the procedures of one API request (tRPC or REST) hand their answers over for writing with
 * {@link registerPackedAnswerWriting}. Called when the request's context is made; a procedure called any other way
 * (a server-side caller, a tool) gets its answer back as it is.
 */
export function allowPackedAnswers(request: FastifyRequest): void {
  if (pending.has(request)) return;
  // U+0000 is written as an escape in JSON and no user text can guess the nonce.
  const mark = `\u0000packed-${randomUUID()}-`;
  pending.set(request, { mark, prefix: JSON.stringify(mark).slice(0, -1), answers: [] });
}

/**
 * What a procedure returns instead of `answer` so that the response is written with `stringifyAnswer` (packed range
 * samples copied from Prometheus's text, never made into `[t, "v"]` pairs): a stand-in whose JSON is a mark, spliced
 * out by the onSend hook. Both adapters write their envelope (`{"result":{"data":…}}`, or the REST body itself) with
 * `JSON.stringify`, which would read every pair of a packed answer. The body is the same bytes as before.
 */
export function deferAnswer(request: FastifyRequest, answer: unknown): unknown {
  const writing = pending.get(request);
  if (!writing) return answer;
  const mark = `${writing.mark}${writing.answers.length}`;
  writing.answers.push(answer);
  return { toJSON: () => mark };
}

/** Splices the answers deferred by {@link deferAnswer} into `body` at their marks. */
function splice(body: string, { prefix, answers }: Pending): string {
  const parts: string[] = [];
  let at = 0;
  for (;;) {
    const found = body.indexOf(prefix, at);
    if (found < 0) break;
    const close = body.indexOf('"', found + prefix.length);
    parts.push(body.slice(at, found), stringifyAnswer(answers[Number(body.slice(found + prefix.length, close))]));
    at = close + 1;
  }
  parts.push(body.slice(at));
  return parts.join('');
}

/**
 * Writes the answers deferred during a request into its body: the REST adapter's body is a string, tRPC's a fetch
 * `Response` (read here, its status and headers kept). Register before the API's plugins.
 */
export function registerPackedAnswerWriting(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    const writing = pending.get(request);
    if (!writing || writing.answers.length === 0) return payload;
    if (typeof payload === 'string') return splice(payload, writing);
    if (payload instanceof Response) {
      const body = await payload.text();
      reply.code(payload.status);
      payload.headers.forEach((value, name) => {
        reply.header(name, value);
      });
      return splice(body, writing);
    }
    return payload;
  });
}
