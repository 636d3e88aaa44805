import { isAscii } from 'node:buffer';

/**
 * The body of a response as text, as `response.text()` reads it but several times faster for the large ASCII JSON
 * answers of Prometheus and Loki: `text()` decodes UTF-8 through a stream (about 7 ms per MB here), while an ASCII
 * body — JSON escapes everything else — is copied into a one-byte string as it is. Anything else is decoded as UTF-8
 * with a leading byte-order mark dropped and invalid sequences replaced, exactly as `text()` does.
 * @see https://fetch.spec.whatwg.org/#dom-body-text
 */
export async function readBodyText(response: Response): Promise<string> {
  const bytes = Buffer.from(await response.arrayBuffer());
  if (isAscii(bytes)) return bytes.toString('latin1');
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
