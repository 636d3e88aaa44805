import { type HttpAnswer, httpAnswer } from './httpAnswer.js';
import type { PodNetwork } from './podNetwork.js';

/** What `wget` and `curl` need from the exec run: output, files, the pod's network and a bounded wait. */
export interface ClientIo {
  out(text: string): void;
  err(text: string): void;
  /** Writes a downloaded file; returns the errno text when it cannot. */
  writeFile(path: string, content: string): string | undefined;
  net: PodNetwork;
  now(): Date;
  /** Records that the client waits `ms` here (a dropped connection); the caller decides how long that takes. */
  wait(ms: number): void;
}

/** How long a dropped connection makes a client without its own timeout wait: the kernel's SYN retries. */
const KERNEL_CONNECT_TIMEOUT_MS = 130_000;
const BUSYBOX_WGET_TIMEOUT_S = 900;

interface Url {
  host: string;
  port: number;
  path: string;
}

function parseUrl(raw: string): Url | undefined {
  const m = raw.match(/^(?:(https?):\/\/)?([^/:?#]+)(?::(\d+))?([^#]*)/i);
  if (!m) return undefined;
  const scheme = (m[1] ?? 'http').toLowerCase();
  return { host: m[2]!, port: m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80, path: m[4] || '/' };
}

type Fetched = { answer: HttpAnswer; ip: string } | { failure: 'unresolved' | 'refused' | 'timeout'; ip?: string };

function fetch(io: ClientIo, url: Url, method: string, timeoutMs: number): Fetched {
  const dial = io.net.connect(url.host, url.port);
  if (dial.kind === 'unresolved') {
    if (dial.dnsDropped) io.wait(Math.min(timeoutMs, 10_000));
    return { failure: 'unresolved' };
  }
  if (dial.kind === 'refused') return { failure: 'refused', ip: dial.ip };
  if (dial.kind === 'dropped') {
    io.wait(timeoutMs);
    return { failure: 'timeout', ip: dial.ip };
  }
  return { answer: httpAnswer(dial.listener, method, url.path), ip: dial.ip };
}

function seconds(value: string | undefined): number | undefined {
  const n = Number(value);
  return value !== undefined && Number.isFinite(n) && n > 0 ? n : undefined;
}

/**
 * busybox `wget`: `-q`, `-O FILE` / `-O-`, `-T SEC` / `--timeout=SEC`, `--spider`, `-S`; prints what busybox prints
 * (`Connecting to …`, `server returned error: HTTP/1.1 404 Not Found`, `can't connect to remote host (…):
 * Connection refused`, `bad address '…'`, `download timed out`) and exits 0 or 1.
 */
export function wget(args: string[], io: ClientIo): number {
  let quiet = false;
  let output: string | undefined;
  let timeout = BUSYBOX_WGET_TIMEOUT_S;
  let spider = false;
  let showHeaders = false;
  let raw: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-q' || a === '--quiet') quiet = true;
    else if (a === '-qO-' || a === '-qO') {
      quiet = true;
      output = a === '-qO-' ? '-' : args[++i];
    } else if (a === '-O') output = args[++i];
    else if (a.startsWith('-O')) output = a.slice(2);
    else if (a.startsWith('--output-document=')) output = a.slice(18);
    else if (a === '-T') timeout = seconds(args[++i]) ?? timeout;
    else if (a.startsWith('--timeout=')) timeout = seconds(a.slice(10)) ?? timeout;
    else if (a.startsWith('-T')) timeout = seconds(a.slice(2)) ?? timeout;
    else if (a === '--spider') spider = true;
    else if (a === '-S' || a === '--server-response') showHeaders = true;
    else if (a === '-U' || a === '--header' || a === '-Y') i++;
    else if (!a.startsWith('-')) raw = a;
  }
  if (!raw) {
    io.err(
      'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] URL\n',
    );
    return 1;
  }
  const url = parseUrl(raw);
  if (!url) {
    io.err(`wget: bad address '${raw}'\n`);
    return 1;
  }
  const fetched = fetch(io, url, spider ? 'HEAD' : 'GET', timeout * 1000);
  if ('failure' in fetched) {
    if (fetched.failure === 'unresolved') io.err(`wget: bad address '${url.host}'\n`);
    else if (fetched.failure === 'refused') {
      if (!quiet) io.err(`Connecting to ${url.host} (${fetched.ip}:${url.port})\n`);
      io.err(`wget: can't connect to remote host (${fetched.ip}): Connection refused\n`);
    } else {
      if (!quiet) io.err(`Connecting to ${url.host} (${fetched.ip}:${url.port})\n`);
      io.err('wget: download timed out\n');
    }
    return 1;
  }
  const { answer, ip } = fetched;
  if (!quiet) io.err(`Connecting to ${url.host} (${ip}:${url.port})\n`);
  if (showHeaders)
    io.err(
      `  HTTP/1.1 ${answer.status} ${answer.reason}\n${Object.entries(answer.headers)
        .map(([k, v]) => `  ${k}: ${v}\n`)
        .join('')}`,
    );
  if (answer.status >= 400) {
    io.err(`wget: server returned error: HTTP/1.1 ${answer.status} ${answer.reason}\n`);
    return 1;
  }
  if (spider) {
    if (!quiet) io.err('remote file exists\n');
    return 0;
  }
  const file = output ?? (url.path.split('?')[0]!.split('/').pop() || 'index.html');
  if (file === '-') {
    if (!quiet) io.err('writing to stdout\n');
    io.out(answer.body);
    if (!quiet) io.err('written to stdout\n');
    return 0;
  }
  if (!quiet) io.err(`saving to '${file}'\n`);
  const problem = io.writeFile(file, answer.body);
  if (problem) {
    io.err(`wget: can't open '${file}': ${problem}\n`);
    return 1;
  }
  if (!quiet) io.err(`'${file}' saved\n`);
  return 0;
}

/**
 * `curl`: `-s`, `-S`, `-f`, `-o FILE`, `-w FORMAT` (`%{http_code}`, `%{response_code}`), `-I`, `-i`,
 * `-m`/`--max-time`, `--connect-timeout`, `-X`; exits as curl does (6 unresolved, 7 refused, 22 with `-f` on an
 * HTTP error, 28 timed out) with its `curl: (N) …` messages unless silenced.
 */
export function curl(args: string[], io: ClientIo): number {
  let silent = false;
  let showError = false;
  let fail = false;
  let output: string | undefined;
  let format: string | undefined;
  let head = false;
  let include = false;
  let maxTime: number | undefined;
  let connectTimeout: number | undefined;
  let method = 'GET';
  let raw: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--silent') silent = true;
    else if (a === '--show-error') showError = true;
    else if (a === '--fail') fail = true;
    else if (a === '-o' || a === '--output') output = args[++i];
    else if (a === '-w' || a === '--write-out') format = args[++i];
    else if (a === '--head') head = true;
    else if (a === '--include') include = true;
    else if (a === '-m' || a === '--max-time') maxTime = seconds(args[++i]);
    else if (a === '--connect-timeout') connectTimeout = seconds(args[++i]);
    else if (a === '-X' || a === '--request') method = args[++i] ?? method;
    else if (['-H', '--header', '-d', '--data', '-u', '--user', '-A', '--retry', '--cacert'].includes(a)) i++;
    else if (/^-[a-zA-Z]+$/.test(a)) {
      for (const f of a.slice(1)) {
        if (f === 's') silent = true;
        else if (f === 'S') showError = true;
        else if (f === 'f') fail = true;
        else if (f === 'I') head = true;
        else if (f === 'i') include = true;
      }
      if (/[owmX]$/.test(a) && a.length > 2) {
        const value = args[++i];
        const last = a.at(-1);
        if (last === 'o') output = value;
        else if (last === 'w') format = value;
        else if (last === 'm') maxTime = seconds(value);
        else if (last === 'X') method = value ?? method;
      }
    } else if (!a.startsWith('-')) raw = a;
  }
  const complain = (code: number, message: string) => {
    if (!silent || showError) io.err(`curl: (${code}) ${message}\n`);
    return code;
  };
  if (!raw) {
    io.err("curl: try 'curl --help' or 'curl --manual' for more information\n");
    return 2;
  }
  const url = parseUrl(raw);
  if (!url) return complain(3, 'URL rejected: Malformed input to a URL function');
  const limitMs = Math.min(maxTime ?? Infinity, connectTimeout ?? Infinity) * 1000;
  const fetched = fetch(
    io,
    url,
    head ? 'HEAD' : method,
    Number.isFinite(limitMs) ? limitMs : KERNEL_CONNECT_TIMEOUT_MS,
  );
  const writeOut = (code: number) => {
    if (format)
      io.out(format.replace(/%\{(http_code|response_code)\}/g, String(code).padStart(3, '0')).replace(/\\n/g, '\n'));
  };
  if ('failure' in fetched) {
    writeOut(0);
    if (fetched.failure === 'unresolved') return complain(6, `Could not resolve host: ${url.host}`);
    if (fetched.failure === 'refused')
      return complain(7, `Failed to connect to ${url.host} port ${url.port} after 0 ms: Couldn't connect to server`);
    if (maxTime !== undefined && (connectTimeout === undefined || maxTime <= connectTimeout))
      return complain(28, `Connection timed out after ${Math.round(maxTime * 1000) + 1} milliseconds`);
    const ms = Number.isFinite(limitMs) ? Math.round(limitMs) + 1 : KERNEL_CONNECT_TIMEOUT_MS;
    return complain(28, `Failed to connect to ${url.host} port ${url.port} after ${ms} ms: Timeout was reached`);
  }
  const { answer } = fetched;
  if (fail && answer.status >= 400) {
    writeOut(answer.status);
    return complain(22, `The requested URL returned error: ${answer.status}`);
  }
  const headers = `HTTP/1.1 ${answer.status} ${answer.reason}\r\n${Object.entries(answer.headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('')}\r\n`;
  const body = head ? headers : (include ? headers : '') + answer.body;
  if (output && output !== '-') {
    const problem = output === '/dev/null' ? undefined : io.writeFile(output, body);
    if (problem) return complain(23, `Failure writing output to destination, passed ${body.length} returned 0`);
  } else io.out(body);
  writeOut(answer.status);
  return 0;
}
