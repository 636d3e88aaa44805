// A worker thread of bench/server.ts: holds a share of the WebSocket subscribers, so that reading and parsing a
// million messages a second is spread over threads instead of one event loop. It records each event's latency
// (receipt time minus the scheduled send time carried in the payload), publishes its running count of received
// events in a shared counter, and answers the coordinator's commands:
//   subscribe {subscription} -> subscribed     reset -> ready     collect -> {latencies, messages, busy}     close
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { WebSocket } from 'ws';

interface Setup {
  url: string;
  token: string;
  sockets: number;
  index: number;
  counters: SharedArrayBuffer;
}
type Command =
  | { type: 'subscribe'; subscription: object }
  | { type: 'reset' }
  | { type: 'collect' }
  | { type: 'close' };
type Received = { payload?: { sent_at?: number } };

const { url, token, sockets: count, index, counters } = workerData as Setup;
const counts = new Int32Array(counters);
const port = parentPort;
if (!port) throw new Error('bench/serverSubscribers.ts runs as a worker of bench/server.ts');
const now = () => performance.timeOrigin + performance.now();

let latencies = new Float64Array(1 << 20);
let received = 0;
let messages = 0;
let acks = 0;
let onAcked: (() => void) | undefined;
let since = performance.eventLoopUtilization();

const record = (event: Received) => {
  const sentAt = event.payload?.sent_at;
  if (sentAt === undefined) return;
  if (received === latencies.length) {
    const grown = new Float64Array(latencies.length * 2);
    grown.set(latencies);
    latencies = grown;
  }
  latencies[received++] = now() - sentAt;
};

const onMessage = (data: unknown) => {
  const message = JSON.parse(String(data)) as Received | Received[] | { created_at?: string; error_code?: string };
  if (Array.isArray(message)) for (const event of message) record(event);
  else if ('event_type' in message) record(message as Received);
  else if ('error_code' in message) console.error(`subscriber error: ${JSON.stringify(message)}`);
  else if ('created_at' in message) {
    acks += 1;
    if (acks === count) onAcked?.();
    return;
  }
  messages += 1;
  Atomics.store(counts, index, received);
};

const open: WebSocket[] = [];
for (let i = 0; i < count; i++) {
  const socket = new WebSocket(`${url.replace('http', 'ws')}/api/events`, {
    headers: { authorization: `Bearer ${token}` },
    perMessageDeflate: false,
  });
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  socket.on('message', onMessage);
  open.push(socket);
}

port.on('message', (command: Command) => {
  switch (command.type) {
    case 'subscribe': {
      acks = 0;
      onAcked = () => port.postMessage({ type: 'subscribed' });
      const text = JSON.stringify(command.subscription);
      for (const socket of open) socket.send(text);
      break;
    }
    case 'reset':
      received = 0;
      messages = 0;
      Atomics.store(counts, index, 0);
      since = performance.eventLoopUtilization();
      port.postMessage({ type: 'ready' });
      break;
    case 'collect': {
      const busy = performance.eventLoopUtilization(since).utilization;
      const copy = latencies.slice(0, received);
      port.postMessage({ type: 'collected', latencies: copy, messages, busy }, [copy.buffer]);
      break;
    }
    case 'close':
      for (const socket of open) socket.terminate();
      port.close();
      break;
  }
});
port.postMessage({ type: 'connected' });
