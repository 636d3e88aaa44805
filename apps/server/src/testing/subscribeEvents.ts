import { WebSocket } from 'ws';

/** A WebSocket client of `/api/events` that queues the JSON messages it receives. */
export interface EventSocketClient {
  socket: WebSocket;
  /** The first message after the subscription: its acknowledgement (or an error object). */
  ack: Record<string, unknown>;
  /** The next message (an event object, or an array of them when batched), waiting for it if none is queued. */
  next<T = Record<string, unknown>>(): Promise<T>;
  /** Messages received and not yet taken by `next`. */
  queue: unknown[];
}

/**
 * Opens `/api/events` on a listening server with `headers` (credentials, Origin), sends `subscription` and waits for
 * its acknowledgement. Rejects with `HTTP <status>` when the handshake is refused.
 */
export async function subscribeEvents(
  baseUrl: string,
  headers: Record<string, string>,
  subscription: unknown,
): Promise<EventSocketClient> {
  const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/api/events`, { headers });
  const queue: unknown[] = [];
  const waiters: (() => void)[] = [];
  socket.on('message', (data) => {
    queue.push(JSON.parse(String(data)));
    for (const wake of waiters.splice(0)) wake();
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    socket.once('error', reject);
  });
  const next = async <T = Record<string, unknown>>(): Promise<T> => {
    while (queue.length === 0) await new Promise<void>((r) => waiters.push(r));
    return queue.shift() as T;
  };
  socket.send(JSON.stringify(subscription));
  const ack = await next();
  return { socket, ack, next, queue };
}
