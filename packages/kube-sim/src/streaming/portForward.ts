import type { WebSocket } from 'ws';
import { httpAnswer, httpWire } from '../exec/httpAnswer.js';
import { PodNetwork } from '../exec/podNetwork.js';
import type { ApiContext } from '../server/apiContext.js';
import type { KubeObject } from '../store/kubeObject.js';
import {
  controlFrame,
  dataFrame,
  FLAG_FIN,
  FRAME,
  FrameReader,
  HeaderCompression,
  type SpdyFrame,
} from './spdyFrames.js';

/** The WebSocket subprotocol kubectl 1.31+ port-forwards with: SPDY/3.1 frames tunnelled in binary messages. */
export const PORT_FORWARD_PROTOCOL = 'SPDY/3.1+portforward.k8s.io';

interface ForwardRequest {
  port: number;
  errorStream?: number;
  dataStream?: number;
  received: Buffer;
  answered: boolean;
}

/** The kubelet's message when nothing listens on the forwarded port inside the pod. */
export function refusedMessage(pod: KubeObject, port: number): string {
  const sandbox = (pod.metadata.uid ?? '').replace(/-/g, '').padEnd(64, '0').slice(0, 64);
  const netns = `/var/run/netns/cni-${(pod.metadata.uid ?? '').slice(0, 36)}`;
  return `error forwarding port ${port} to pod ${sandbox}, uid : failed to execute portforward in network namespace "${netns}": failed to connect to localhost:${port} inside namespace "${sandbox}", IPv4: dial tcp4 127.0.0.1:${port}: connect: connection refused IPv6 dial tcp6 [::1]:${port}: connect: connection refused `;
}

/** Whether `raw` holds a complete HTTP/1.x request (headers and a `Content-Length` body). */
export function completeRequest(raw: Buffer): { method: string; path: string } | undefined {
  const text = raw.toString('latin1');
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const length = Number(text.slice(0, end).match(/\r\ncontent-length:\s*(\d+)/i)?.[1] ?? 0);
  if (raw.length < end + 4 + length) return undefined;
  const [method = 'GET', path = '/'] = text.slice(0, text.indexOf('\r\n')).split(' ');
  return { method, path };
}

/**
 * A port-forward session (`kubectl port-forward pod/x 8080:80`, `svc/x 8080:80` — kubectl resolves the Service to
 * a pod itself): SPDY/3.1 over the WebSocket. For each connection kubectl accepts locally it opens an error stream
 * and a data stream (headers `streamtype`, `port`, `requestid`); the bytes sent on the data stream reach the pod's
 * process on that port (from inside the pod, so NetworkPolicies do not apply, as on a real node): an HTTP request
 * gets the simulated process's response, then both streams end. When nothing listens on the port the error stream
 * carries the kubelet's message, which kubectl prints (`an error occurred forwarding 8080 -> 80: …`).
 */
export function runPortForward(ctx: ApiContext, ws: WebSocket, pod: KubeObject): void {
  const reader = new FrameReader();
  const headers = new HeaderCompression();
  const requests = new Map<string, ForwardRequest>();
  const streams = new Map<number, { request: string; type: string }>();
  const network = new PodNetwork(ctx, pod);
  let queue = Promise.resolve();
  const send = (bytes: Buffer) => {
    if (ws.readyState === ws.OPEN) ws.send(bytes, { binary: true });
  };
  const finishStream = (id: number | undefined, body?: string) => {
    if (id === undefined) return;
    if (body) send(dataFrame(id, 0, Buffer.from(body)));
    send(dataFrame(id, FLAG_FIN, Buffer.alloc(0)));
  };
  const serve = (request: ForwardRequest) => {
    if (request.answered || request.dataStream === undefined || request.errorStream === undefined) return;
    const listener = network.listener(pod, request.port);
    if (!listener) {
      request.answered = true;
      finishStream(request.errorStream, refusedMessage(pod, request.port));
      finishStream(request.dataStream);
      return;
    }
    const http = completeRequest(request.received);
    if (!http) return;
    request.answered = true;
    const response = httpWire(httpAnswer(listener, http.method, http.path), ctx.now());
    send(dataFrame(request.dataStream, 0, Buffer.from(response, 'latin1')));
    finishStream(request.dataStream);
    finishStream(request.errorStream);
  };
  const handle = async (frame: SpdyFrame) => {
    if (!frame.control) {
      const stream = streams.get(frame.streamId);
      const request = stream && requests.get(stream.request);
      if (request && stream.type === 'data' && frame.data.length > 0) {
        request.received = Buffer.concat([request.received, frame.data]);
        serve(request);
      }
      return;
    }
    if (frame.type === FRAME.synStream) {
      const id = frame.data.readUInt32BE(0) & 0x7fffffff;
      const h = await headers.decode(frame.data.subarray(10));
      const key = h.requestid ?? String(id);
      const request = requests.get(key) ?? { port: Number(h.port), received: Buffer.alloc(0), answered: false };
      requests.set(key, request);
      streams.set(id, { request: key, type: h.streamtype ?? 'data' });
      const reply = Buffer.alloc(4);
      reply.writeUInt32BE(id, 0);
      send(controlFrame(FRAME.synReply, 0, Buffer.concat([reply, await headers.encode({})])));
      if (h.streamtype === 'error') request.errorStream = id;
      else request.dataStream = id;
      serve(request);
    } else if (frame.type === FRAME.ping) send(controlFrame(FRAME.ping, 0, frame.data));
    else if (frame.type === FRAME.goAway) ws.close(1000);
  };
  ws.on('message', (raw, isBinary) => {
    if (!isBinary) return;
    const data = Buffer.isBuffer(raw) ? raw : Buffer.concat(raw as Buffer[]);
    for (const frame of reader.push(data)) queue = queue.then(() => handle(frame)).catch(() => ws.terminate());
  });
  // The tunnel goes with the pod, as the kubelet's does: kubectl then reports `lost connection to pod`.
  const pods = ctx.registry.find('', 'v1', 'pods')!;
  const unsubscribe = ctx.store.subscribe(
    (event) => {
      if (event.type === 'DELETED' && event.object.metadata.uid === pod.metadata.uid) ws.close(1000);
    },
    { resource: pods },
  );
  ws.on('close', () => {
    unsubscribe();
    headers.close();
  });
  ws.on('error', () => ws.terminate());
}
