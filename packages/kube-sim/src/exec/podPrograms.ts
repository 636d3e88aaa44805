import type { Run } from './execRun.js';
import type { PodNetwork } from './podNetwork.js';
import type { Io } from './textPrograms.js';

type Json = Record<string, unknown>;

/** A file's text, or undefined after printing the program's error. */
export function readText(run: Run, name: string, path: string, io: Io): string | undefined {
  const file = run.pod.read(path);
  if (file.ok) return file.content;
  io.err(
    run.pod.busybox && file.code === 'ENOENT'
      ? `${name}: can't open '${path}': ${file.message}\n`
      : `${name}: ${path}: ${file.message}\n`,
  );
  return undefined;
}

export function cat(args: string[], io: Io, run: Run): number {
  const paths = args.filter((a) => !a.startsWith('-') || a === '-');
  if (paths.length === 0) {
    io.out(io.stdin);
    return 0;
  }
  let code = 0;
  for (const p of paths) {
    const text = p === '-' ? io.stdin : readText(run, 'cat', p, io);
    if (text === undefined) code = 1;
    else io.out(text);
  }
  return code;
}

export function ls(args: string[], io: Io, run: Run): number {
  const flags = args.filter((a) => a.startsWith('-')).join('');
  const paths = args.filter((a) => !a.startsWith('-'));
  let code = 0;
  const targets = paths.length ? paths : ['.'];
  targets.forEach((p, index) => {
    const listing = run.pod.list(p === '.' ? '/' : p);
    if (!listing.ok) {
      io.err(run.pod.busybox ? `ls: ${p}: ${listing.message}\n` : `ls: cannot access '${p}': ${listing.message}\n`);
      code = run.pod.busybox ? 1 : 2;
      return;
    }
    const names = listing.entries.filter((e) => flags.includes('a') || !e.name.startsWith('.'));
    if (targets.length > 1) io.out(`${index > 0 ? '\n' : ''}${p}:\n`);
    for (const e of names)
      io.out(
        flags.includes('l')
          ? `${e.type === 'dir' ? 'drwxr-xr-x' : e.type === 'link' ? 'lrwxrwxrwx' : '-rw-r--r--'}    1 root     root          0 Jan  1 00:00 ${e.name}\n`
          : `${e.name}\n`,
      );
  });
  return code;
}

/** `test` / `[`: string and number comparisons, `-z`, `-n`, and the file tests `-e`, `-f`, `-d`, `-s`, `-r`. */
export function test(args: string[], run: Run): number {
  const a = args.at(-1) === ']' ? args.slice(0, -1) : args;
  if (a[0] === '!') return test(a.slice(1), run) === 0 ? 1 : 0;
  if (a.length === 0) return 1;
  if (a.length === 1) return a[0] ? 0 : 1;
  if (a.length === 2 && /^-[efdsr]$/.test(a[0]!)) {
    const file = run.pod.read(a[1]!);
    const dir = !file.ok && file.code === 'EISDIR';
    const verdict = { e: file.ok || dir, r: file.ok || dir, f: file.ok, d: dir, s: file.ok && file.content !== '' }[
      a[0]!.slice(1) as 'e' | 'f' | 'd' | 's' | 'r'
    ];
    return verdict ? 0 : 1;
  }
  if (a.length === 2) return a[0] === '-z' ? (a[1] ? 1 : 0) : a[0] === '-n' ? (a[1] ? 0 : 1) : 2;
  const [l, op, r] = a as [string, string, string];
  const verdict: Record<string, boolean> = {
    '=': l === r,
    '==': l === r,
    '!=': l !== r,
    '-eq': Number(l) === Number(r),
    '-ne': Number(l) !== Number(r),
    '-gt': Number(l) > Number(r),
    '-lt': Number(l) < Number(r),
  };
  return op in verdict ? (verdict[op] ? 0 : 1) : 2;
}

export function nslookup(args: string[], io: Io, run: Run): number {
  const name = args.find((a) => !a.startsWith('-'));
  if (!name) return 1;
  const ns = run.pod.pod.metadata.namespace ?? 'default';
  const ip = run.options.net.dnsBlocked() ? undefined : run.options.net.resolve(name);
  io.out('Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n');
  if (!ip) {
    io.err(`** server can't find ${name}.${ns}.svc.cluster.local: NXDOMAIN\n`);
    return 1;
  }
  const fqdn = name.includes('.') ? name : `${name}.${ns}.svc.cluster.local`;
  io.out(`Name:\t${fqdn}\nAddress: ${ip}\n\n`);
  return 0;
}

/** The identity the container runs as: `securityContext.runAsUser`/`runAsGroup` (container over pod) and `fsGroup`. */
function userOf(run: Run): { uid: number; gid: number; groups: number[] } {
  const spec = (run.pod.pod.spec ?? {}) as Json;
  const container = ((spec.containers as Json[] | undefined) ?? []).find((c) => c.name === run.pod.container) ?? {};
  const podContext = (spec.securityContext ?? {}) as Json;
  const own = (container.securityContext ?? {}) as Json;
  const uid = Number(own.runAsUser ?? podContext.runAsUser ?? 0);
  const gid = Number(own.runAsGroup ?? podContext.runAsGroup ?? 0);
  const extra = [podContext.fsGroup, ...((podContext.supplementalGroups as unknown[] | undefined) ?? [])]
    .filter((g) => g !== undefined)
    .map(Number);
  return { uid, gid, groups: [...new Set([...extra, gid])].sort((a, b) => a - b) };
}

/** `id` and `whoami` as the container's user (root unless its securityContext says otherwise). */
export function identity(name: 'id' | 'whoami', io: Io, run: Run): number {
  const { uid, gid, groups } = userOf(run);
  const label = (n: number) => (n === 0 ? '0(root)' : String(n));
  if (name === 'whoami') {
    if (uid === 0) io.out('root\n');
    else {
      io.err(run.pod.busybox ? `whoami: unknown uid ${uid}\n` : `whoami: cannot find name for user ID ${uid}\n`);
      return 1;
    }
    return 0;
  }
  io.out(`uid=${label(uid)} gid=${label(gid)} groups=${groups.map(label).join(',')}\n`);
  return 0;
}

/** busybox `nc -z [-v] [-w SEC] HOST PORT`: a TCP connection check through the pod network. */
export function nc(args: string[], io: Io, net: PodNetwork, waited: (ms: number) => void): number {
  let wait: number | undefined;
  let verbose = false;
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-w') wait = Number(args[++i]);
    else if (/^-[a-zA-Z]+$/.test(a)) verbose ||= a.includes('v');
    else positional.push(a);
  }
  const [host, portText] = positional;
  const port = Number(portText);
  if (!host || !Number.isInteger(port)) {
    io.err('BusyBox v1.36.1 multi-call binary.\n\nUsage: nc [OPTIONS] HOST PORT  - connect\n');
    return 1;
  }
  const dial = net.connect(host, port);
  if (dial.kind === 'unresolved') {
    io.err(`nc: bad address '${host}'\n`);
    return 1;
  }
  if (dial.kind === 'connected') {
    if (verbose) io.err(`${host} (${dial.ip}:${port}) open\n`);
    return 0;
  }
  if (dial.kind === 'dropped') {
    waited((wait && wait > 0 ? wait : 130) * 1000);
    io.err(`nc: ${host} (${dial.ip}:${port}): Connection timed out\n`);
    return 1;
  }
  io.err(`nc: ${host} (${dial.ip}:${port}): Connection refused\n`);
  return 1;
}
