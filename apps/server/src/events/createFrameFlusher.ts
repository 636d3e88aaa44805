import type { WebSocket } from 'ws';
import { frameMessage } from './frameMessage.js';

/** What the writer needs of the TCP socket under a WebSocket (`ws` keeps it as `_socket`). */
interface RawSocket {
  write(chunk: Buffer): boolean;
}

/** Sends messages to one WebSocket connection. */
export interface FrameWriter {
  /** Queues `value` (serialised and framed once per object) for this connection; dropped when the socket is closed or too far behind. */
  send(value: object): void;
}

/** Writes the queued frames of many connections once per turn of the event loop. */
export interface FrameFlusher {
  /** The writer of one connection; `maxBufferedBytes` is how far a slow client may fall behind before messages are dropped. */
  writerFor(socket: WebSocket, maxBufferedBytes: number): FrameWriter;
}

interface Pending {
  socket: WebSocket;
  raw: RawSocket;
  frames: Buffer[];
  bytes: number;
}

/**
 * Builds the delivery path of the event stream: each message is framed once ({@link frameMessage}); the frames
 * queued for a connection during one turn of the event loop leave in one write of the TCP socket (next
 * `setImmediate`), so a thousand subscribers of a busy stream cost a thousand writes per turn, not one per event
 * and subscriber. Each frame is one complete message (an event, or an array of them for a batched subscription).
 * A connection that negotiated an extension (permessage-deflate) is served through `ws`'s own `send` instead.
 */
export function createFrameFlusher(): FrameFlusher {
  let dirty: Pending[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    const batch = dirty;
    dirty = [];
    for (const pending of batch) {
      const { frames } = pending;
      pending.frames = [];
      pending.bytes = 0;
      if (pending.socket.readyState !== pending.socket.OPEN) continue;
      pending.raw.write(frames.length === 1 ? (frames[0] as Buffer) : Buffer.concat(frames));
    }
  };
  return {
    writerFor(socket, maxBufferedBytes) {
      const raw = (socket as unknown as { _socket?: RawSocket })._socket;
      if (!raw || socket.extensions !== '') {
        return {
          send(value) {
            if (socket.readyState !== socket.OPEN || socket.bufferedAmount >= maxBufferedBytes) return;
            socket.send(JSON.stringify(value));
          },
        };
      }
      const pending: Pending = { socket, raw, frames: [], bytes: 0 };
      return {
        send(value) {
          if (socket.readyState !== socket.OPEN || socket.bufferedAmount + pending.bytes >= maxBufferedBytes) return;
          const frame = frameMessage(value);
          if (pending.frames.length === 0) dirty.push(pending);
          pending.frames.push(frame);
          pending.bytes += frame.length;
          if (!scheduled) {
            scheduled = true;
            setImmediate(flush);
          }
        },
      };
    },
  };
}
