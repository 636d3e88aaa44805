/** A stream that calls back once everything written to it so far has been handed to the operating system. */
export interface FlushableStream {
  write(chunk: string, callback: (error?: Error | null) => void): unknown;
}

/**
 * Resolves once everything written so far to each stream has left the process (an empty write's callback runs after
 * the writes queued before it), so `process.exit` cannot cut output that is still queued — what happens to a large
 * `--output json` document piped into a slower reader. A stream that fails (the reader went away) counts as flushed.
 */
export function flushStreams(streams: readonly FlushableStream[]): Promise<void> {
  return Promise.all(
    streams.map(
      (stream) =>
        new Promise<void>((resolve) => {
          try {
            stream.write('', () => resolve());
          } catch {
            resolve();
          }
        }),
    ),
  ).then(() => undefined);
}
