import type { WebSocket } from 'ws';

/**
 * The channels of the Kubernetes remote-command protocol over WebSocket: every binary message starts with the
 * channel byte. `v5.channel.k8s.io` adds `close` (`[255, channel]`: the sender is done writing that channel).
 * @see https://github.com/kubernetes/enhancements/tree/master/keps/sig-api-machinery/4006-transition-spdy-to-websockets
 */
export const CHANNEL = { stdin: 0, stdout: 1, stderr: 2, error: 3, resize: 4, close: 255 } as const;

/** The remote-command subprotocols served, in order of preference. */
export const CHANNEL_PROTOCOLS = ['v5.channel.k8s.io', 'v4.channel.k8s.io'] as const;

/** The first offered subprotocol the server speaks, in the server's order of preference. */
export function chooseChannelProtocol(offered: Set<string>): string | false {
  return CHANNEL_PROTOCOLS.find((p) => offered.has(p)) ?? false;
}

/**
 * The `metav1.Status` written on the error channel when the command ends: `Success`, or `NonZeroExitCode` with the
 * code in `details.causes[{reason: ExitCode}]`, which kubectl turns into its own exit code ("command terminated
 * with exit code N").
 */
export function exitStatus(exitCode: number, command: string[]): Record<string, unknown> {
  if (exitCode === 0) return { metadata: {}, status: 'Success' };
  return {
    metadata: {},
    status: 'Failure',
    message: `command terminated with non-zero exit code: error executing command [${command.join(' ')}], exit code ${exitCode}`,
    reason: 'NonZeroExitCode',
    details: { causes: [{ reason: 'ExitCode', message: String(exitCode) }] },
  };
}

/** A `Status` failure on the error channel that is not an exit code (kubectl prints `error: <message>`, exits 1). */
export function failureStatus(message: string, code = 500, reason = 'InternalError'): Record<string, unknown> {
  return { metadata: {}, status: 'Failure', message, reason, code };
}

/**
 * One remote-command session on an accepted WebSocket: writes to stdout/stderr, reports stdin data and its end, and
 * finishes with a Status on the error channel followed by a normal close (which ends kubectl's streams).
 */
export class ChannelSession {
  private ended = false;
  private readonly stdinListeners: ((data: Buffer) => void)[] = [];
  private readonly stdinEndListeners: (() => void)[] = [];
  private readonly closeListeners: (() => void)[] = [];

  constructor(readonly ws: WebSocket) {
    ws.on('message', (raw, isBinary) => {
      const data = Buffer.isBuffer(raw) ? raw : Buffer.concat(raw as Buffer[]);
      if (!isBinary || data.length === 0) return;
      const channel = data[0];
      if (channel === CHANNEL.stdin) for (const l of this.stdinListeners) l(data.subarray(1));
      else if (channel === CHANNEL.close && data[1] === CHANNEL.stdin) for (const l of this.stdinEndListeners) l();
    });
    ws.on('close', () => {
      this.ended = true;
      for (const l of this.closeListeners) l();
    });
    ws.on('error', () => ws.terminate());
  }

  /** Whether the session has finished or the client went away. */
  get closed(): boolean {
    return this.ended;
  }

  onStdin(listener: (data: Buffer) => void): void {
    this.stdinListeners.push(listener);
  }

  onStdinEnd(listener: () => void): void {
    this.stdinEndListeners.push(listener);
  }

  /** Called when the client disconnects (or the session finishes). */
  onClose(listener: () => void): void {
    this.closeListeners.push(listener);
  }

  write(channel: number, data: string | Buffer): void {
    if (this.ended) return;
    const body = typeof data === 'string' ? Buffer.from(data) : data;
    if (body.length === 0) return;
    this.ws.send(Buffer.concat([Buffer.from([channel]), body]), { binary: true });
  }

  /** Writes `status` on the error channel and closes the connection normally. */
  finish(status: Record<string, unknown>): void {
    if (this.ended) return;
    this.write(CHANNEL.error, JSON.stringify(status));
    this.ended = true;
    this.ws.close(1000);
  }
}
