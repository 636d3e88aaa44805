import type { WebSocket } from 'ws';
import { httpAnswer, httpWire } from '../exec/httpAnswer.js';
import { PodNetwork } from '../exec/podNetwork.js';
import type { ApiContext } from '../server/apiContext.js';
import type { KubeObject } from '../store/kubeObject.js';
import { completeRequest, refusedMessage } from './portForward.js';

/**
 * Port-forward over the channel protocol (`v4.channel.k8s.io` and friends, what client-node's `PortForward` and
 * browsers use; `?ports=80,8080`): port number `i` has data channel `2i` and error channel `2i + 1`, each opened
 * with the port as two little-endian bytes. One WebSocket is one TCP connection: an HTTP request on a data channel
 * gets the process's response and the connection closes, as the server closes it; a port nothing listens on gets
 * the kubelet's message on its error channel.
 */
export function runChannelPortForward(ctx: ApiContext, ws: WebSocket, pod: KubeObject, url: URL): void {
  const ports = (url.searchParams.get('ports') ?? '')
    .split(',')
    .map((p) => Number(p.trim()))
    .filter((p) => Number.isInteger(p) && p > 0);
  const network = new PodNetwork(ctx, pod);
  const received = ports.map(() => Buffer.alloc(0));
  const send = (channel: number, data: Buffer) => {
    if (ws.readyState === ws.OPEN) ws.send(Buffer.concat([Buffer.from([channel]), data]), { binary: true });
  };
  ports.forEach((port, i) => {
    const prefix = Buffer.alloc(2);
    prefix.writeUInt16LE(port, 0);
    send(2 * i, prefix);
    send(2 * i + 1, prefix);
    if (!network.listener(pod, port)) {
      send(2 * i + 1, Buffer.from(refusedMessage(pod, port)));
      ws.close(1000);
    }
  });
  ws.on('message', (raw, isBinary) => {
    const data = Buffer.isBuffer(raw) ? raw : Buffer.concat(raw as Buffer[]);
    if (!isBinary || data.length === 0 || data[0]! % 2 === 1) return;
    const i = data[0]! / 2;
    const port = ports[i];
    if (port === undefined) return;
    received[i] = Buffer.concat([received[i]!, data.subarray(1)]);
    const http = completeRequest(received[i]!);
    const listener = network.listener(pod, port);
    if (!http || !listener) return;
    send(2 * i, Buffer.from(httpWire(httpAnswer(listener, http.method, http.path), ctx.now()), 'latin1'));
    ws.close(1000);
  });
  ws.on('error', () => ws.terminate());
}
