import { createDeflate, createInflate, constants as zlib } from 'node:zlib';

const WORDS =
  'options,head,post,put,delete,trace,accept,accept-charset,accept-encoding,accept-language,accept-ranges,age,allow,authorization,cache-control,connection,content-base,content-encoding,content-language,content-length,content-location,content-md5,content-range,content-type,date,etag,expect,expires,from,host,if-match,if-modified-since,if-none-match,if-range,if-unmodified-since,last-modified,location,max-forwards,pragma,proxy-authenticate,proxy-authorization,range,referer,retry-after,server,te,trailer,transfer-encoding,upgrade,user-agent,vary,via,warning,www-authenticate,method,get,status,200 OK,version,HTTP/1.1,url,public,set-cookie,keep-alive,origin';
const TAIL =
  '100101201202205206300302303304305306307402405406407408409410411412413414415416417502504505203 Non-Authoritative Information204 No Content301 Moved Permanently400 Bad Request401 Unauthorized403 Forbidden404 Not Found500 Internal Server Error501 Not Implemented503 Service UnavailableJan Feb Mar Apr May Jun Jul Aug Sept Oct Nov Dec 00:00:00 Mon, Tue, Wed, Thu, Fri, Sat, Sun, GMTchunked,text/html,image/png,image/jpg,image/gif,application/xml,application/xhtml+xml,text/plain,text/javascript,publicprivatemax-age=gzip,deflate,sdchcharset=utf-8charset=iso-8859-1,utf-,*,enq=0.';

/**
 * The zlib dictionary of SPDY/3 header blocks (1423 bytes): length-prefixed common header names and values, then a
 * run of status codes, dates and media types, as the SPDY/3 draft specifies.
 */
export const SPDY3_DICTIONARY: Buffer = Buffer.concat([
  ...WORDS.split(',').map((w) => {
    const b = Buffer.alloc(4 + w.length);
    b.writeUInt32BE(w.length, 0);
    b.write(w, 4, 'latin1');
    return b;
  }),
  Buffer.from(TAIL, 'latin1'),
]);

/** SPDY/3 control frame types. */
export const FRAME = {
  synStream: 1,
  synReply: 2,
  rstStream: 3,
  settings: 4,
  ping: 6,
  goAway: 7,
  headers: 8,
  windowUpdate: 9,
} as const;
export const FLAG_FIN = 0x01;

/** One SPDY/3 frame: a control frame (`type`, `data` after the 8-byte header) or a data frame of a stream. */
export type SpdyFrame =
  | { control: true; type: number; flags: number; data: Buffer }
  | { control: false; streamId: number; flags: number; data: Buffer };

/** Splits a byte stream into SPDY frames; keeps an incomplete trailing frame for the next chunk. */
export class FrameReader {
  private pending: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): SpdyFrame[] {
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    const frames: SpdyFrame[] = [];
    while (this.pending.length >= 8) {
      const length = this.pending.readUIntBE(5, 3);
      if (this.pending.length < 8 + length) break;
      const flags = this.pending[4]!;
      const data = this.pending.subarray(8, 8 + length);
      if (this.pending[0]! & 0x80) frames.push({ control: true, type: this.pending.readUInt16BE(2), flags, data });
      else frames.push({ control: false, streamId: this.pending.readUInt32BE(0) & 0x7fffffff, flags, data });
      this.pending = this.pending.subarray(8 + length);
    }
    return frames;
  }
}

/** A control frame's bytes. */
export function controlFrame(type: number, flags: number, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt16BE(0x8003, 0);
  head.writeUInt16BE(type, 2);
  head.writeUInt32BE(data.length, 4);
  head[4] = flags;
  return Buffer.concat([head, data]);
}

/** A data frame's bytes. */
export function dataFrame(streamId: number, flags: number, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(streamId & 0x7fffffff, 0);
  head.writeUInt32BE(data.length, 4);
  head[4] = flags;
  return Buffer.concat([head, data]);
}

/** Decodes an uncompressed SPDY/3 header block into lower-case names and values. */
export function parseHeaderBlock(block: Buffer): Record<string, string> {
  const headers: Record<string, string> = {};
  let at = 4;
  const count = block.readUInt32BE(0);
  for (let i = 0; i < count && at < block.length; i++) {
    const nameLength = block.readUInt32BE(at);
    const name = block.subarray(at + 4, at + 4 + nameLength).toString('latin1');
    at += 4 + nameLength;
    const valueLength = block.readUInt32BE(at);
    headers[name.toLowerCase()] = block.subarray(at + 4, at + 4 + valueLength).toString('latin1');
    at += 4 + valueLength;
  }
  return headers;
}

/** Encodes headers as an uncompressed SPDY/3 header block. */
export function headerBlock(headers: Record<string, string>): Buffer {
  const parts: Buffer[] = [];
  const count = Buffer.alloc(4);
  count.writeUInt32BE(Object.keys(headers).length, 0);
  parts.push(count);
  for (const [name, value] of Object.entries(headers)) {
    for (const text of [name.toLowerCase(), value]) {
      const b = Buffer.alloc(4 + Buffer.byteLength(text));
      b.writeUInt32BE(Buffer.byteLength(text), 0);
      b.write(text, 4);
      parts.push(b);
    }
  }
  return Buffer.concat(parts);
}

/**
 * The header compression of one SPDY connection: one zlib stream per direction (seeded with the SPDY/3
 * dictionary), each header block flushed with Z_SYNC_FLUSH. Calls must be awaited in frame order.
 */
export class HeaderCompression {
  private readonly inflater = createInflate({ dictionary: SPDY3_DICTIONARY });
  private readonly deflater = createDeflate({ dictionary: SPDY3_DICTIONARY });

  private static through(
    stream: ReturnType<typeof createInflate> | ReturnType<typeof createDeflate>,
    input: Buffer,
  ): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      const onData = (c: Buffer) => chunks.push(c);
      stream.on('data', onData);
      stream.once('error', reject);
      stream.write(input);
      stream.flush(zlib.Z_SYNC_FLUSH, () => {
        stream.off('data', onData);
        stream.off('error', reject);
        resolve(Buffer.concat(chunks));
      });
    });
  }

  /** The headers of a compressed block. */
  async decode(compressed: Buffer): Promise<Record<string, string>> {
    return parseHeaderBlock(await HeaderCompression.through(this.inflater, compressed));
  }

  /** A compressed block of `headers`. */
  encode(headers: Record<string, string>): Promise<Buffer> {
    return HeaderCompression.through(this.deflater, headerBlock(headers));
  }

  close(): void {
    this.inflater.destroy();
    this.deflater.destroy();
  }
}
