import * as ws from 'ws';

/** The part of ws's (untyped) `Sender` used here: it builds the frame of a message as `[header, payload]`. */
interface FrameBuilder {
  frame(
    data: Buffer,
    options: { fin: boolean; opcode: number; mask: boolean; readOnly: boolean; rsv1: boolean },
  ): Buffer[];
}
const { Sender } = ws as unknown as { Sender: FrameBuilder };

// One message goes to many sockets: serialise and frame it once, keyed by the object itself.
const frames = new WeakMap<object, Buffer>();

/**
 * The complete unmasked WebSocket text frame (header and JSON payload in one buffer) of `value`, as a server sends
 * it. Built once per object and cached while the object lives, so an event fanned out to a thousand sockets is
 * serialised and framed once; the same buffer is written to each of them.
 */
export function frameMessage(value: object): Buffer {
  let frame = frames.get(value);
  if (frame === undefined) {
    const payload = Buffer.from(JSON.stringify(value));
    const [header = Buffer.alloc(0), data] = Sender.frame(payload, {
      fin: true,
      opcode: 0x01,
      mask: false,
      readOnly: true,
      rsv1: false,
    });
    frame = data ? Buffer.concat([header, data]) : header;
    frames.set(value, frame);
  }
  return frame;
}
