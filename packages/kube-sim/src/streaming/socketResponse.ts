import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { StatusError } from '../api/statusError.js';

/**
 * Answers an upgrade request that will not be upgraded with a plain HTTP response carrying a Kubernetes `Status`
 * (what kubectl prints as `error: unable to upgrade connection: <message>`), then closes the socket.
 */
export function refuseUpgrade(socket: Duplex, error: unknown): void {
  const status =
    error instanceof StatusError
      ? error
      : new StatusError(500, 'InternalError', `Internal error occurred: ${(error as Error)?.message ?? String(error)}`);
  const body = JSON.stringify(status.toStatus());
  if (socket.destroyed || !socket.writable) return;
  socket.end(
    `HTTP/1.1 ${status.code} ${STATUS_CODES[status.code] ?? 'Error'}\r\n` +
      'Content-Type: application/json\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}
