/** One server-sent event: its name and parsed JSON data. */
export interface StreamFrame {
  event: string;
  data: unknown;
}

/**
 * Splits server-sent events out of text that arrives in arbitrary pieces: returns the complete frames and the
 * unfinished rest to prepend to the next piece.
 */
export function splitFrames(buffer: string): { frames: StreamFrame[]; rest: string } {
  const parts = buffer.split('\n\n');
  const rest = parts.pop() ?? '';
  const frames: StreamFrame[] = [];
  for (const part of parts) {
    let event = 'message';
    const data: string[] = [];
    for (const line of part.split('\n')) {
      if (line.startsWith('event: ')) event = line.slice(7);
      else if (line.startsWith('data: ')) data.push(line.slice(6));
    }
    if (data.length) frames.push({ event, data: JSON.parse(data.join('\n')) });
  }
  return { frames, rest };
}

/** Reads a streamed response body frame by frame, calling `onFrame` as each one completes. */
export async function readEventStream(body: ReadableStream<Uint8Array>, onFrame: (frame: StreamFrame) => void) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const { frames, rest } = splitFrames(buffer + decoder.decode(value, { stream: true }));
    buffer = rest;
    for (const frame of frames) onFrame(frame);
  }
}
