import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { badRequest } from '../api/statusError.js';
import { runAttachSession } from '../exec/attachSession.js';
import { runExecSession } from '../exec/execSession.js';
import type { ApiContext } from '../server/apiContext.js';
import type { ResourceTarget } from '../server/requestPath.js';
import type { KubeObject } from '../store/kubeObject.js';
import { runChannelPortForward } from './channelPortForward.js';
import { ChannelSession, chooseChannelProtocol } from './channelProtocol.js';
import { PORT_FORWARD_PROTOCOL, runPortForward } from './portForward.js';
import { KubeletRefusal, refuseUpgrade } from './socketResponse.js';

type Json = Record<string, unknown>;

/** The pod subresources served over an upgraded connection. */
export const STREAMING_SUBRESOURCES = ['exec', 'attach', 'portforward'];

const list = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : []);

/** The container an exec or attach goes to, with the API server's 400s for a missing or ambiguous one. */
function streamContainer(pod: KubeObject, wanted: string | null): string {
  const spec = (pod.spec ?? {}) as Json;
  const names = [...list(spec.containers), ...list(spec.ephemeralContainers)].map((c) => String(c.name));
  const all = [...names, ...list(spec.initContainers).map((c) => String(c.name))];
  const name = pod.metadata.name;
  if (wanted) {
    if (!all.includes(wanted)) throw badRequest(`container ${wanted} is not valid for pod ${name}`);
    return wanted;
  }
  if (names.length === 1) return names[0]!;
  throw badRequest(`a container name must be specified for pod ${name}, choose one of: [${names.join(' ')}]`);
}

/** Refuses a container the kubelet has no running process for, with its message. */
function requireRunning(pod: KubeObject, container: string): void {
  const spec = (pod.spec ?? {}) as Json;
  const status = (pod.status ?? {}) as Json;
  if (!spec.nodeName) throw badRequest(`pod ${pod.metadata.name} does not have a host assigned`);
  const statuses = [...list(status.containerStatuses), ...list(status.initContainerStatuses)];
  const running = statuses.find((s) => s.name === container && (s.state as Json | undefined)?.running);
  if (!running) throw new KubeletRefusal(500, `container not found ("${container}")`);
}

function isWebSocket(req: IncomingMessage): boolean {
  return (req.headers.upgrade ?? '').toLowerCase() === 'websocket';
}

function offeredProtocols(req: IncomingMessage): Set<string> {
  return new Set(
    String(req.headers['sec-websocket-protocol'] ?? '')
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean),
  );
}

/**
 * Serves `pods/exec`, `pods/attach` and `pods/portforward` on an upgrade request that was authenticated and
 * authorized (as `create` on the subresource, as API servers since 1.31 require for WebSocket upgrades): exec and
 * attach speak the remote-command channel protocol (`v5.channel.k8s.io`, or `v4.channel.k8s.io`), port-forward
 * SPDY/3.1 tunnelled through WebSocket messages (`SPDY/3.1+portforward.k8s.io`), which is what kubectl 1.31+ uses.
 * A SPDY upgrade (kubectl's fallback when WebSocket fails) gets the same checks, then a 400 naming the protocols
 * served, so kubectl prints the reason instead of hanging; every refusal is a `Status`.
 * @see https://kubernetes.io/docs/tasks/debug/debug-application/get-shell-running-container/
 */
export function handleStreamingUpgrade(
  ctx: ApiContext,
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  url: URL,
  target: ResourceTarget,
): number {
  try {
    if (target.type.kind !== 'Pod' || !target.name || !STREAMING_SUBRESOURCES.includes(target.subresource ?? ''))
      throw badRequest(`the server does not upgrade connections to ${url.pathname}`);
    const pod = ctx.store.get(target.type, target.namespace, target.name);
    const subresource = target.subresource!;
    let container = '';
    let command: string[] = [];
    if (subresource !== 'portforward') {
      container = streamContainer(pod, url.searchParams.get('container'));
      if (subresource === 'exec') {
        command = url.searchParams.getAll('command');
        if (command.length === 0) throw badRequest('you must specify at least 1 command');
      }
      requireRunning(pod, container);
    } else if (((pod.status ?? {}) as Json).phase !== 'Running')
      throw badRequest(`pod ${pod.metadata.name} is not running`);
    if (!isWebSocket(req))
      throw badRequest(
        `the simulated cluster streams ${subresource} over WebSocket only (${
          subresource === 'portforward' ? `${PORT_FORWARD_PROTOCOL}, ` : ''
        }v5.channel.k8s.io, v4.channel.k8s.io), not ${req.headers.upgrade ?? 'a plain request'}`,
      );
    const offered = offeredProtocols(req);
    const protocol =
      subresource === 'portforward' && offered.has(PORT_FORWARD_PROTOCOL)
        ? PORT_FORWARD_PROTOCOL
        : chooseChannelProtocol(offered);
    if (!protocol) throw badRequest(`none of the offered subprotocols is served: ${[...offered].join(', ') || 'none'}`);
    // ws accepts only RFC 6455 tokens as subprotocols, and `SPDY/3.1+portforward.k8s.io` is not one: the
    // negotiated protocol is written into the handshake response here instead.
    delete req.headers['sec-websocket-protocol'];
    const server = new WebSocketServer({ noServer: true, clientTracking: false });
    server.on('headers', (lines) => lines.push(`Sec-WebSocket-Protocol: ${protocol}`));
    server.handleUpgrade(req, socket, head, (ws) => {
      const release = ctx.track(() => ws.terminate());
      ws.once('close', () => release());
      if (subresource === 'portforward')
        return protocol === PORT_FORWARD_PROTOCOL
          ? runPortForward(ctx, ws, pod)
          : runChannelPortForward(ctx, ws, pod, url);
      const session = new ChannelSession(ws);
      const flag = (name: string) => ['1', 'true'].includes(url.searchParams.get(name) ?? '');
      if (subresource === 'exec') void runExecSession(ctx, session, pod, container, command, flag('stdin'));
      else runAttachSession(ctx, session, pod, container, flag('stdin'));
    });
    return 101;
  } catch (error) {
    return refuseUpgrade(socket, error);
  }
}
