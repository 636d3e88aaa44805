import { describe, expect, it } from 'vitest';
import { frameMessage } from './frameMessage.js';

/** Reads one unmasked server frame: FIN/opcode byte, payload length (7-bit or 16-bit extended) and payload. */
function readFrame(frame: Buffer) {
  let length = (frame[1] as number) & 0x7f;
  let offset = 2;
  if (length === 126) {
    length = frame.readUInt16BE(2);
    offset = 4;
  }
  return {
    first: frame[0],
    masked: ((frame[1] as number) & 0x80) !== 0,
    length,
    body: frame.subarray(offset).toString(),
  };
}

describe('frameMessage', () => {
  it('builds a final unmasked text frame of the JSON of the value', () => {
    const value = { event_type: 'ALERT_FIRED', payload: { n: 1 } };
    const frame = readFrame(frameMessage(value));
    expect(frame).toMatchObject({ first: 0x81, masked: false });
    expect(JSON.parse(frame.body)).toEqual(value);
    expect(frame.length).toBe(Buffer.byteLength(frame.body));
  });

  it('uses the extended length of payloads over 125 bytes and counts bytes, not characters', () => {
    const value = { text: 'é'.repeat(200) };
    const frame = readFrame(frameMessage(value));
    expect(frame.length).toBe(Buffer.byteLength(JSON.stringify(value)));
    expect(JSON.parse(frame.body)).toEqual(value);
  });

  it('frames an object once and gives the same buffer back', () => {
    const value = { event_type: 'GPU_UPDATE' };
    expect(frameMessage(value)).toBe(frameMessage(value));
    expect(frameMessage({ ...value })).not.toBe(frameMessage(value));
  });
});
