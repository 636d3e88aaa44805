import { describe, expect, it } from 'vitest';
import { containerFate } from './containerFate.js';
import { containerProcess } from './containerProcess.js';
import { IMAGE_CATALOG } from './imageCatalog.js';

const nginx = IMAGE_CATALOG.nginx!;
const busybox = IMAGE_CATALOG.busybox!;
const python = IMAGE_CATALOG.python!;
const sh = (script: string) => ({ command: ['sh', '-c', script] });

describe('container process model', () => {
  it('fails to start a program the image does not hold, with the runtime message', () => {
    const crasher = { command: ['python3', '-c', 'import sys; sys.exit(1)'] };
    expect(containerProcess(crasher, nginx)).toEqual({
      kind: 'startError',
      message:
        'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "python3": executable file not found in $PATH: unknown',
    });
    expect(containerFate(crasher, nginx)).toMatchObject({ kind: 'terminates', reason: 'StartError', exitCode: 128 });
    expect(containerProcess({ command: ['/app/server'] }, busybox)).toMatchObject({
      kind: 'startError',
      message: expect.stringContaining('exec: "/app/server": stat /app/server: no such file or directory'),
    });
    expect(containerProcess({ command: ['bash', '-c', 'echo hi'] }, busybox)).toMatchObject({ kind: 'startError' });
  });

  it('runs python one-liners in images that have python', () => {
    expect(containerProcess({ command: ['python3', '-c', 'import sys; sys.exit(3)'] }, python)).toEqual({
      kind: 'exits',
      exitCode: 3,
      runMs: 1000,
      logs: [],
    });
    expect(containerProcess({ command: ['python', '-c', "print('hello'); raise ValueError('boom')"] }, python)).toEqual(
      {
        kind: 'exits',
        exitCode: 1,
        runMs: 1000,
        logs: [
          'hello',
          'Traceback (most recent call last):',
          '  File "<string>", line 1, in <module>',
          'ValueError: boom',
        ],
      },
    );
    expect(containerProcess({ command: ['python3', '-c', 'import time; time.sleep(30)'] }, python)).toMatchObject({
      kind: 'exits',
      exitCode: 0,
      runMs: 30_000,
    });
  });

  it('interprets the shell subset: lists, and-or, exit, sleep, echo, env, loops, tail -f', () => {
    expect(containerProcess(sh('echo starting; sleep 5 && exit 4'), busybox)).toEqual({
      kind: 'exits',
      exitCode: 4,
      runMs: 5000,
      logs: ['starting'],
    });
    expect(containerProcess(sh('false || echo "recovered $MODE"; true && exit 0'), busybox)).toMatchObject({
      kind: 'exits',
      exitCode: 0,
      logs: ['recovered '],
    });
    expect(
      containerProcess(
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell script's parameter expansion
        { ...sh('echo "mode=${MODE}" > /tmp/x; echo "mode=$MODE"'), env: [{ name: 'MODE', value: 'blue' }] },
        busybox,
      ),
    ).toMatchObject({ logs: ['mode=blue'] });
    expect(containerProcess(sh('trap "exit 0" TERM; while true; do echo tick; sleep 5; done'), busybox)).toEqual({
      kind: 'runs',
      logs: [],
      every: { ms: 5000, lines: ['tick'] },
    });
    expect(containerProcess(sh('touch /tmp/healthy; tail -f /dev/null'), busybox)).toMatchObject({
      kind: 'runs',
      writes: [{ atMs: 0, path: '/tmp/healthy', op: 'append', content: '' }],
    });
    expect(containerProcess(sh('echo ready; tail -f /dev/null'), busybox)).toMatchObject({
      kind: 'runs',
      logs: ['ready'],
    });
    expect(containerProcess({ command: ['sleep', 'infinity'] }, busybox)).toMatchObject({ kind: 'runs' });
    expect(containerProcess({ ...sh('env'), env: [{ name: 'COLOR', value: 'blue' }] }, busybox)).toMatchObject({
      logs: expect.arrayContaining(['COLOR=blue', 'KUBERNETES_SERVICE_HOST=10.96.0.1']),
    });
    expect(containerProcess(sh('python3 -c "print(1)"; exit $?'), busybox)).toMatchObject({
      kind: 'exits',
      logs: ['sh: 1: python3: not found'],
    });
  });

  it('leaves the image its own process, and programs outside the subset running as before', () => {
    expect(containerProcess({}, nginx)).toEqual({ kind: 'default' });
    expect(containerProcess({ command: ['nginx', '-g', 'daemon off;'] }, nginx)).toEqual({ kind: 'default' });
    expect(containerProcess(sh('exec nginx -g "daemon off;"'), nginx)).toEqual({ kind: 'default' });
    expect(containerProcess(sh('for i in 1 2; do echo $i; done'), busybox)).toEqual({ kind: 'unknown' });
    expect(containerProcess(sh('echo $(date)'), busybox)).toEqual({ kind: 'unknown' });
    expect(containerProcess({ command: ['/app/server'] }, IMAGE_CATALOG['todo/backend']!)).toEqual({ kind: 'unknown' });
    expect(containerFate(sh('wget -qO- http://backend; tail -f /dev/null'), busybox)).toEqual({ kind: 'runs' });
  });

  it('passes args to the image entrypoint and a bare URL to curl', () => {
    expect(containerProcess({ args: ['echo', 'hi'] }, busybox)).toMatchObject({ kind: 'exits', logs: ['hi'] });
    expect(containerProcess({ args: ['sh', '-c', 'echo via-wrapper'] }, nginx)).toMatchObject({
      logs: ['via-wrapper'],
    });
    expect(containerProcess({ args: ['http://backend'] }, IMAGE_CATALOG['curlimages/curl']!)).toEqual({
      kind: 'unknown',
    });
  });
});
