import { type ContainerProcess, containerProcess } from './containerProcess.js';
import { type FileRead, type FileWrite, fileError, normalisePath, type ProcessFiles } from './fileWrites.js';
import type { ImageProfile } from './imageCatalog.js';

type Json = Record<string, unknown>;

/** A probe's answer: success, or the failure text the kubelet puts after `Readiness probe failed: `. */
export type ProbeResult = { ok: true } | { ok: false; message: string };

/** What a container offers its probes during one run. */
export interface ProbeTarget {
  container: Json;
  profile: ImageProfile;
  process: ContainerProcess;
  env: Record<string, string>;
  /** The container's files before its process ran (its own writes are replayed on top). */
  files: ProcessFiles;
  podIP: string;
}

/** The port a probe names: a number, or the name of one of the container's ports. */
function probePort(container: Json, port: unknown): number | undefined {
  if (typeof port === 'number') return port;
  if (typeof port === 'string' && /^\d+$/.test(port)) return Number(port);
  const named = ((container.ports as Json[] | undefined) ?? []).find((p) => p.name === port);
  return named ? Number(named.containerPort) : undefined;
}

/**
 * Whether something listens on `port` in the container: the image's own server listens on the ports it declares
 * (on any port when it declares none); a command of the interpreted shell subset listens on none; an unknown
 * program as its image's server would.
 */
function listens(target: ProbeTarget, port: number | undefined): boolean {
  if (port === undefined) return false;
  if (target.process.kind === 'runs' || target.process.kind === 'exits') return false;
  return target.profile.ports.length === 0 || target.profile.ports.includes(port);
}

/** The files of a run `atMs` in: the static files with the process's own writes up to then replayed. */
export function filesAt(files: ProcessFiles, writes: FileWrite[], atMs: number): ProcessFiles {
  const own = new Map<string, string | null>();
  for (const w of writes) {
    if (w.atMs > atMs) break;
    const path = normalisePath(w.path);
    const before = own.has(path) ? own.get(path) : undefined;
    const prior = before ?? (files.read(path).ok ? (files.read(path) as { content: string }).content : '');
    own.set(path, w.op === 'remove' ? null : w.op === 'append' ? prior + w.content : w.op === 'mkdir' ? '' : w.content);
  }
  return {
    read: (p): FileRead => {
      const path = normalisePath(p);
      if (!own.has(path)) return files.read(path);
      const content = own.get(path);
      return content === null || content === undefined ? fileError('ENOENT') : { ok: true, content };
    },
    writeError: (p) => files.writeError(p),
  };
}

/** The writes of a process over a run, loop iterations included (the first two, enough to settle a probe). */
export function processWrites(process: ContainerProcess): FileWrite[] {
  if (process.kind !== 'runs' && process.kind !== 'exits') return [];
  const writes = [...(process.writes ?? [])];
  if (process.kind === 'runs' && process.every?.writes)
    for (const k of [0, 1])
      for (const w of process.every.writes)
        writes.push({ ...w, atMs: (process.every.startMs ?? 0) + k * process.every.ms + w.atMs });
  return writes.sort((a, b) => a.atMs - b.atMs);
}

/**
 * A probe's answer `atMs` into a run: `httpGet` asks the container's server (its declared ports; its served paths
 * answer 200, others 404), `tcpSocket` connects to a declared port, `exec` runs the command through the shell
 * subset against the container's files at that time. gRPC probes and exec commands outside the subset pass.
 */
export function probeResult(probe: Json, target: ProbeTarget, atMs: number): ProbeResult {
  const http = probe.httpGet as Json | undefined;
  if (http) {
    const port = probePort(target.container, http.port);
    const path = String(http.path ?? '/');
    const scheme = String(http.scheme ?? 'HTTP').toLowerCase();
    const host = String(http.host ?? target.podIP);
    if (!listens(target, port))
      return {
        ok: false,
        message: `Get "${scheme}://${host}:${port ?? http.port}${path}": dial tcp ${host}:${port ?? http.port}: connect: connection refused`,
      };
    return target.profile.serves.includes(path.split('?')[0]!)
      ? { ok: true }
      : { ok: false, message: 'HTTP probe failed with statuscode: 404' };
  }
  const tcp = probe.tcpSocket as Json | undefined;
  if (tcp) {
    const port = probePort(target.container, tcp.port);
    const host = String(tcp.host ?? target.podIP);
    return listens(target, port)
      ? { ok: true }
      : { ok: false, message: `dial tcp ${host}:${port ?? tcp.port}: connect: connection refused` };
  }
  const exec = probe.exec as Json | undefined;
  if (!exec || !Array.isArray(exec.command)) return { ok: true };
  const files = filesAt(target.files, processWrites(target.process), atMs);
  const run = containerProcess({ command: exec.command }, target.profile, target.env, files);
  if (run.kind === 'startError') {
    const detail = run.message.match(/exec: .*?(?=: unknown$)/)?.[0] ?? run.message;
    return {
      ok: false,
      message: `OCI runtime exec failed: exec failed: unable to start container process: ${detail}: unknown`,
    };
  }
  const seconds = Number(probe.timeoutSeconds ?? 1);
  if (run.kind === 'runs' || (run.kind === 'exits' && run.runMs > seconds * 1000)) {
    return { ok: false, message: `command "${(exec.command as unknown[]).join(' ')}" timed out after ${seconds}s` };
  }
  if (run.kind !== 'exits' || run.exitCode === 0) return { ok: true };
  return { ok: false, message: run.logs.join('\n') };
}
