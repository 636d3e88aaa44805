import { connect, createServer, type Socket } from 'node:net';

/** A TCP relay in front of a server that counts the connections open through it. */
export interface ConnectionCounter {
  /** `host:port` of the relay. */
  readonly address: string;
  /** Connections open through the relay now. */
  open(): number;
  /** Connections ever opened through it. */
  total(): number;
  /** Stops the relay and drops its connections. */
  close(): Promise<void>;
}

/**
 * Starts a TCP relay on 127.0.0.1 to `target` (`https://127.0.0.1:1234` or `host:port`) that counts connections, so a
 * test can tell how many sockets a client keeps open to an API server. TLS passes through untouched: point the
 * kubeconfig's `server` at `https://<address>` and the certificate still matches.
 */
export async function startConnectionCounter(target: string): Promise<ConnectionCounter> {
  const url = new URL(target.includes('://') ? target : `tcp://${target}`);
  const sockets = new Set<Socket>();
  let total = 0;
  const server = createServer((client) => {
    total++;
    sockets.add(client);
    const upstream = connect(Number(url.port), url.hostname);
    const drop = () => {
      sockets.delete(client);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', drop).on('error', drop);
    upstream.on('close', drop).on('error', drop);
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    address: `127.0.0.1:${port}`,
    open: () => sockets.size,
    total: () => total,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
