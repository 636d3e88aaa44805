import { StatusError } from '../api/statusError.js';
import { unwrapEnvelope } from '../auth/protobufWire.js';
import { CORE_MESSAGES } from './coreMessages.js';
import { buildSchemaTable, decodeMessage } from './decodeMessage.js';
import { GROUP_MESSAGES, TOP_LEVEL } from './groupMessages.js';

const TABLE = buildSchemaTable(CORE_MESSAGES, GROUP_MESSAGES);

/** The `apiVersion/kind` pairs {@link decodeProtobufObject} can decode. */
export const PROTOBUF_KINDS: readonly string[] = Object.keys(TOP_LEVEL);

/**
 * Decodes a body sent as `application/vnd.kubernetes.protobuf` — the `k8s\0` magic, then a runtime.Unknown whose
 * TypeMeta names the kind and whose `raw` is the object — into the JSON object a client would have sent (with
 * `apiVersion` and `kind`). This is what imperative `kubectl create deployment|namespace|configmap|secret|job|service|
 * cronjob|role|…` and `kubectl autoscale` send. A kind outside the descriptor tables is a 415 naming
 * `kubectl create -f` / `kubectl apply -f` as the alternative; malformed bytes are a 400.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#protobuf-encoding
 */
export function decodeProtobufObject(body: Buffer): Record<string, unknown> {
  let envelope: ReturnType<typeof unwrapEnvelope>;
  try {
    envelope = unwrapEnvelope(body);
  } catch (error) {
    throw new StatusError(400, 'BadRequest', `the protobuf body cannot be decoded: ${(error as Error).message}`);
  }
  const { apiVersion = '', kind = '' } = envelope;
  const message = TOP_LEVEL[`${apiVersion}/${kind}`];
  if (!message) {
    throw new StatusError(
      415,
      'UnsupportedMediaType',
      `the simulated cluster does not decode protobuf bodies of ${kind || 'unknown kind'} (${apiVersion || 'no apiVersion'}); use \`kubectl create -f FILE\` or \`kubectl apply -f FILE\` with YAML or JSON`,
    );
  }
  try {
    return { apiVersion, kind, ...decodeMessage(TABLE, message, envelope.raw) };
  } catch (error) {
    throw new StatusError(400, 'BadRequest', `the protobuf ${kind} cannot be decoded: ${(error as Error).message}`);
  }
}
