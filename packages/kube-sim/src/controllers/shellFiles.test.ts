import { describe, expect, it } from 'vitest';
import { containerProcess } from './containerProcess.js';
import { fileError, type ProcessFiles } from './fileWrites.js';
import { IMAGE_CATALOG } from './imageCatalog.js';

const busybox = IMAGE_CATALOG.busybox!;
const debian = IMAGE_CATALOG.debian!;
const sh = (script: string) => ({ command: ['sh', '-c', script] });

/** A container with a read-only ConfigMap mount at /etc/config and a writable /data. */
const files: ProcessFiles = {
  read: (p) =>
    p === '/etc/config/color' ? { ok: true, content: 'blue\n' } : fileError(p === '/etc/config' ? 'EISDIR' : 'ENOENT'),
  writeError: (p) =>
    p.startsWith('/etc/config/') ? fileError('EROFS') : p.startsWith('/nope/') ? fileError('ENOENT') : undefined,
};

describe('file commands of the shell subset', () => {
  it('reads mounted files and reports missing ones as busybox and coreutils do', () => {
    expect(containerProcess(sh('cat /etc/config/color; sleep infinity'), busybox, {}, files)).toMatchObject({
      kind: 'runs',
      logs: ['blue'],
    });
    expect(containerProcess(sh('cat /etc/config/size'), busybox, {}, files)).toMatchObject({
      kind: 'exits',
      exitCode: 1,
      logs: ["cat: can't open '/etc/config/size': No such file or directory"],
    });
    expect(containerProcess(sh('cat /etc/config/size'), debian, {}, files)).toMatchObject({
      logs: ['cat: /etc/config/size: No such file or directory'],
    });
  });

  it('writes redirections into files it can read back, and refuses read-only mounts and missing directories', () => {
    expect(
      containerProcess(sh('echo one > /data/f; echo two >> /data/f; cat /data/f'), busybox, {}, files),
    ).toMatchObject({
      kind: 'exits',
      exitCode: 0,
      logs: ['one', 'two'],
      writes: [
        { atMs: 0, path: '/data/f', op: 'write', content: 'one\n' },
        { atMs: 0, path: '/data/f', op: 'append', content: 'two\n' },
      ],
    });
    expect(containerProcess(sh('echo red > /etc/config/color'), debian, {}, files)).toMatchObject({
      exitCode: 1,
      logs: ['sh: 1: cannot create /etc/config/color: Read-only file system'],
    });
    expect(containerProcess(sh('echo x > /nope/f'), busybox, {}, files)).toMatchObject({
      exitCode: 1,
      logs: ["sh: can't create /nope/f: nonexistent directory"],
    });
    expect(containerProcess(sh('[ -f /data/f ] || exit 3'), busybox, {}, files)).toMatchObject({ exitCode: 3 });
    expect(containerProcess(sh('touch /data/f; rm /data/f; test -e /data/f'), busybox, {}, files)).toMatchObject({
      exitCode: 1,
    });
    expect(containerProcess(sh('tail -f /data/missing'), busybox, {}, files)).toMatchObject({
      exitCode: 1,
      logs: ["tail: cannot open '/data/missing' for reading: No such file or directory", 'tail: no files remaining'],
    });
  });
});
