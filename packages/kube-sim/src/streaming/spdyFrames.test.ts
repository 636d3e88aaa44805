import { describe, expect, it } from 'vitest';
import { CHANNEL, chooseChannelProtocol, exitStatus } from './channelProtocol.js';
import {
  controlFrame,
  dataFrame,
  FLAG_FIN,
  FRAME,
  FrameReader,
  HeaderCompression,
  headerBlock,
  parseHeaderBlock,
  SPDY3_DICTIONARY,
} from './spdyFrames.js';

/** zlib's Adler-32, the checksum a zlib stream names its preset dictionary by. */
function adler32(bytes: Buffer): number {
  let a = 1;
  let b = 0;
  for (const byte of bytes) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  return (b * 65536 + a) >>> 0;
}

describe('SPDY/3.1 frames (port-forward tunnelling)', () => {
  it('uses the 1423-byte SPDY/3 header dictionary', () => {
    expect(SPDY3_DICTIONARY.length).toBe(1423);
    expect(SPDY3_DICTIONARY.subarray(0, 11)).toEqual(Buffer.from('\0\0\0\u0007options', 'latin1'));
    expect(SPDY3_DICTIONARY.subarray(-6).toString()).toBe('enq=0.');
    // The dictionary id kubectl's zlib stream asks for (its adler32), which a wrong byte would change.
    expect(adler32(SPDY3_DICTIONARY)).toBe(0xe3c6a7c2);
  });

  it('splits a byte stream into control and data frames across chunk boundaries', () => {
    const bytes = Buffer.concat([
      controlFrame(FRAME.ping, 0, Buffer.from([0, 0, 0, 1])),
      dataFrame(3, FLAG_FIN, Buffer.from('GET / HTTP/1.1\r\n\r\n')),
    ]);
    const reader = new FrameReader();
    const first = reader.push(bytes.subarray(0, 13));
    const rest = reader.push(bytes.subarray(13));
    expect(first).toEqual([{ control: true, type: FRAME.ping, flags: 0, data: Buffer.from([0, 0, 0, 1]) }]);
    expect(rest).toEqual([
      { control: false, streamId: 3, flags: FLAG_FIN, data: Buffer.from('GET / HTTP/1.1\r\n\r\n') },
    ]);
  });

  it('round-trips header blocks through one compression context per direction', async () => {
    expect(parseHeaderBlock(headerBlock({ StreamType: 'error', port: '80' }))).toEqual({
      streamtype: 'error',
      port: '80',
    });
    const sender = new HeaderCompression();
    const receiver = new HeaderCompression();
    // The receiver inflates what the sender deflated: both directions share the dictionary.
    const one = await sender.encode({ streamtype: 'error', port: '80', requestid: '0' });
    const two = await sender.encode({ streamtype: 'data', port: '80', requestid: '0' });
    expect(await receiver.decode(one)).toEqual({ streamtype: 'error', port: '80', requestid: '0' });
    expect(await receiver.decode(two)).toEqual({ streamtype: 'data', port: '80', requestid: '0' });
    sender.close();
    receiver.close();
  });
});

describe('the remote-command channel protocol', () => {
  it('prefers v5 and reports exit codes the way kubectl reads them', () => {
    expect(chooseChannelProtocol(new Set(['v4.channel.k8s.io', 'v5.channel.k8s.io']))).toBe('v5.channel.k8s.io');
    expect(chooseChannelProtocol(new Set(['channel.k8s.io']))).toBe(false);
    expect(CHANNEL).toMatchObject({ stdin: 0, stdout: 1, stderr: 2, error: 3, resize: 4, close: 255 });
    expect(exitStatus(0, ['env'])).toEqual({ metadata: {}, status: 'Success' });
    expect(exitStatus(3, ['sh', '-c', 'exit 3'])).toMatchObject({
      status: 'Failure',
      reason: 'NonZeroExitCode',
      details: { causes: [{ reason: 'ExitCode', message: '3' }] },
    });
  });
});
