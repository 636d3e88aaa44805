import { servedPage } from '../controllers/imageFiles.js';
import type { Listener } from './podNetwork.js';

/** An HTTP response of a simulated process. */
export interface HttpAnswer {
  status: number;
  reason: string;
  headers: Record<string, string>;
  body: string;
}

const REASONS: Record<number, string> = { 200: 'OK', 404: 'Not Found', 405: 'Method Not Allowed' };

function server(listener: Listener): string | undefined {
  if (listener.profile.binaries.includes('nginx')) return 'nginx/1.27.3';
  if (listener.profile.binaries.includes('httpd')) return 'Apache/2.4.62 (Unix)';
  return undefined;
}

function notFoundPage(listener: Listener, path: string): { body: string; type: string } {
  const name = server(listener);
  if (name?.startsWith('nginx'))
    return {
      type: 'text/html',
      body: `<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>${name}</center>\r\n</body>\r\n</html>\r\n`,
    };
  if (name?.startsWith('Apache'))
    return {
      type: 'text/html; charset=iso-8859-1',
      body: `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL ${path} was not found on this server.</p>\n</body></html>\n`,
    };
  return { type: 'text/plain; charset=utf-8', body: '404 page not found\n' };
}

function okBody(listener: Listener, path: string): { body: string; type: string } {
  const page = path === '/' || path === '/index.html' ? servedPage(listener.profile) : undefined;
  if (page) return { type: 'text/html', body: page };
  if (path === '/hostname') return { type: 'text/plain', body: listener.pod.metadata.name };
  if (/health|ready|live/.test(path)) return { type: 'text/plain; charset=utf-8', body: 'ok' };
  if (path.startsWith('/api/')) return { type: 'application/json', body: '[]' };
  return {
    type: 'text/plain; charset=utf-8',
    body: `${listener.pod.metadata.name} (${listener.container.name}) answered GET ${path}\n`,
  };
}

/**
 * What the process of a listener answers to `METHOD path`: the image's declared paths (`serves`) answer 200 with
 * its page (nginx's and httpd's default pages, `ok` for health paths, the pod name for agnhost's `/hostname`),
 * other paths 404 in the server's own format (nginx's and Apache's error pages, Go's `404 page not found`).
 */
export function httpAnswer(listener: Listener, method: string, rawPath: string): HttpAnswer {
  const path = rawPath.split('?')[0] || '/';
  const served =
    listener.profile.serves.includes(path) || (path === '/index.html' && listener.profile.serves.includes('/'));
  const status = served ? 200 : 404;
  const { body, type } = served ? okBody(listener, path) : notFoundPage(listener, path);
  const name = server(listener);
  return {
    status,
    reason: REASONS[status] ?? 'OK',
    headers: {
      ...(name ? { Server: name } : {}),
      'Content-Type': type,
      'Content-Length': String(Buffer.byteLength(body)),
    },
    body: method === 'HEAD' ? '' : body,
  };
}

/** The response as bytes on the wire (HTTP/1.1, `Connection: close`). */
export function httpWire(answer: HttpAnswer, date: Date): string {
  const headers = { ...answer.headers, Date: date.toUTCString(), Connection: 'close' };
  return `HTTP/1.1 ${answer.status} ${answer.reason}\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('')}\r\n${answer.body}`;
}
