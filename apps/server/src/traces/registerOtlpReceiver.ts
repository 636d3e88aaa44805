import { InputError, isOpspilotError } from '@opspilot/core';
import {
  decodeOtlpTraces,
  ExportTraceServiceResponseType,
  encodeRpcStatus,
  type OtlpEncoding,
} from '@opspilot/observe';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { UnauthenticatedError } from '../api/apiError.js';
import type { ApiServices } from '../api/apiServices.js';
import { authenticateRequest, csrfSatisfied } from '../auth/authenticateRequest.js';
import { requireRole } from '../auth/principal.js';
import { toHttpError } from '../errorResponse.js';
import { attributeClusters, MAX_TRACE_EVENTS, receiptsOf } from './receiveSpans.js';
import { pruneSpansNow } from './traceRetention.js';

/** Path of the OTLP/HTTP trace receiver (the OTLP default, so `OTEL_EXPORTER_OTLP_ENDPOINT=<opspilot>` works). */
export const OTLP_TRACES_PATH = '/v1/traces';

/** The setting that bounds the body of an OTLP export. */
export const OTLP_MAX_BYTES_SETTING = 'traces.max_bytes';

const PROTOBUF = 'application/x-protobuf';
const Query = z.object({ cluster: z.string().min(1, { error: 'expected a cluster name or id' }).optional() });

/**
 * A protobuf body, kept out of reach of the server's input guard (which walks parsed JSON values: a Buffer would be
 * walked byte by byte); JSON bodies stay text, so the guard checks their depth.
 */
class ProtobufBody {
  readonly #bytes: Buffer;
  constructor(bytes: Buffer) {
    this.#bytes = bytes;
  }
  get bytes(): Buffer {
    return this.#bytes;
  }
}

/** The body as the decoder takes it, and its encoding (Fastify answers 415 for any other content type). */
function bodyOf(request: FastifyRequest): { body: unknown; encoding: OtlpEncoding } {
  const body = request.body;
  if (body instanceof ProtobufBody) return { body: body.bytes, encoding: 'protobuf' };
  return { body: typeof body === 'string' ? body : '', encoding: 'json' };
}

/** The OTLP answer in the request's encoding: an empty `ExportTraceServiceResponse` (full success). */
function sendSuccess(reply: FastifyReply, encoding: OtlpEncoding) {
  if (encoding === 'json') return reply.status(200).type('application/json').send({});
  const empty = ExportTraceServiceResponseType.encode(ExportTraceServiceResponseType.create({})).finish();
  return reply.status(200).type(PROTOBUF).send(Buffer.from(empty));
}

/** Checks the caller, decodes and attributes the export, stores it in one transaction and announces its traces. */
async function receive(services: ApiServices, request: FastifyRequest, body: unknown, encoding: OtlpEncoding) {
  const principal = await authenticateRequest(request, services.auth);
  if (!principal) throw new UnauthenticatedError('send Authorization: Bearer ops_… (an OPERATOR API token)');
  if (!csrfSatisfied(request, principal)) {
    throw new InputError('a cookie session must send the x-csrf-token header', { hint: 'use an API token' });
  }
  requireRole(principal, 'OPERATOR', 'receiving traces');
  const query = Query.safeParse(request.query ?? {});
  if (!query.success) {
    throw new InputError(`invalid query: ${query.error.issues[0]?.message}`, {
      hint: 'give at most one ?cluster=<name or id>',
    });
  }
  const decoded = decodeOtlpTraces(body, encoding);
  const spans = await attributeClusters(services.store, principal, decoded, query.data.cluster);
  await services.store.transaction((tx) => tx.spans.insert(spans));
  const receipts = receiptsOf(spans);
  const timestamp = services.clock.now().toISOString();
  for (const [i, receipt] of receipts.slice(0, MAX_TRACE_EVENTS).entries()) {
    const more = i === MAX_TRACE_EVENTS - 1 ? receipts.length - MAX_TRACE_EVENTS : 0;
    await services.bus.publish({
      event_type: 'TRACE_RECEIVED',
      cluster_id: receipt.cluster_id,
      timestamp,
      payload: { ...receipt, cluster_id: receipt.cluster_id ?? null, ...(more > 0 ? { more_traces: more } : {}) },
    });
  }
  pruneSpansNow(services).catch((error: unknown) => {
    if (!isOpspilotError(error)) services.logger.warn({ err: error }, 'pruning old spans failed');
  });
}

/**
 * `POST /v1/traces[?cluster=<name|id>]`: an OTLP/HTTP trace receiver (protobuf or JSON, at most `traces.max_bytes`,
 * else 413). The body is decoded and checked whole before anything is stored — one that does not parse is a 400 naming
 * the problem, and nothing of it is kept; the spans are then stored in one transaction (a re-sent export stores
 * nothing twice) and each trace is published as `TRACE_RECEIVED`. Spans belong to the cluster of `?cluster=` or of
 * their `k8s.cluster.name` resource attribute. Needs an OPERATOR (or higher) API token as `Authorization: Bearer`
 * (the exporter's `headers` setting). A refused protobuf export is answered with a protobuf `google.rpc.Status`,
 * a JSON one with opspilot's error body; 413 and 415 come before the body is read and are always JSON.
 * @see https://opentelemetry.io/docs/specs/otlp/#otlphttp
 */
export function registerOtlpReceiver(app: FastifyInstance, services: ApiServices): void {
  const bodyLimit = services.config.traces.max_bytes;
  app.register(async (scope) => {
    // Unparsed bodies for both encodings, so the decoder gives an OTLP-specific reason for a bad one; any other
    // content type is answered 415 by Fastify.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit }, (_req, body, done) =>
      done(null, body),
    );
    scope.addContentTypeParser(PROTOBUF, { parseAs: 'buffer', bodyLimit }, (_req, body, done) =>
      done(null, new ProtobufBody(body as Buffer)),
    );
    scope.post(
      OTLP_TRACES_PATH,
      { bodyLimit, config: { bodyLimitSetting: OTLP_MAX_BYTES_SETTING } },
      async (request, reply) => {
        const { body, encoding } = bodyOf(request);
        try {
          await receive(services, request, body, encoding);
        } catch (error) {
          // A binary export is answered in binary: a google.rpc.Status with the same status and message.
          const { status, body: answer } = toHttpError(error, request.id);
          if (encoding !== 'protobuf' || status >= 500) throw error;
          request.log.info({ error_code: answer.error_code, trace_id: request.id }, answer.message);
          return reply
            .status(status)
            .type(PROTOBUF)
            .send(Buffer.from(encodeRpcStatus(status, answer.message)));
        }
        return sendSuccess(reply, encoding);
      },
    );
  });
}
