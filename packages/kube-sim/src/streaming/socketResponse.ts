import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { StatusError } from '../api/statusError.js';

/**
 * A refusal the kubelet sends as plain text (not a Status), which kubectl prints as `error: unable to upgrade
 * connection: <text>`.
 */
export class KubeletRefusal extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Answers an upgrade request that will not be upgraded with a plain HTTP response carrying a Kubernetes `Status`
 * (what kubectl prints as `error: unable to upgrade connection: <message>`), then closes the socket; returns the
 * HTTP status code sent.
 */
export function refuseUpgrade(socket: Duplex, error: unknown): number {
  if (socket.destroyed || !socket.writable) return 499;
  if (error instanceof KubeletRefusal) {
    const text = `${error.message}\n`;
    socket.end(
      `HTTP/1.1 ${error.code} ${STATUS_CODES[error.code] ?? 'Error'}\r\nContent-Type: text/plain; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
    );
    return error.code;
  }
  const status =
    error instanceof StatusError
      ? error
      : new StatusError(500, 'InternalError', `Internal error occurred: ${(error as Error)?.message ?? String(error)}`);
  const body = JSON.stringify(status.toStatus());
  socket.end(
    `HTTP/1.1 ${status.code} ${STATUS_CODES[status.code] ?? 'Error'}\r\n` +
      'Content-Type: application/json\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
  return status.code;
}
