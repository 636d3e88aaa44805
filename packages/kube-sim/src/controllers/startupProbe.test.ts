import { describe, expect, it } from 'vitest';
import { containerFate, probeTarget } from './containerFate.js';
import { IMAGE_CATALOG } from './imageCatalog.js';
import { afterStartup, startupOutcome } from './startupProbe.js';

const nginx = IMAGE_CATALOG.nginx!;
const busybox = IMAGE_CATALOG.busybox!;
const slow = { command: ['sh', '-c', 'sleep 20; touch /tmp/started; sleep infinity'] };
const startedFile = { exec: { command: ['cat', '/tmp/started'] }, periodSeconds: 5 };

describe('startup probes', () => {
  it('pass at the first tick the process answers, and hold liveness and readiness until then', () => {
    const c = { ...slow, startupProbe: { ...startedFile, failureThreshold: 10 }, livenessProbe: startedFile };
    expect(startupOutcome(probeTarget(c, busybox))).toEqual({ passedMs: 20_000 });
    // Without the startup probe its liveness probe fails three times by 15 s.
    expect(containerFate({ ...slow, livenessProbe: startedFile }, busybox)).toMatchObject({
      reason: 'LivenessProbeFailed',
    });
    const held = afterStartup(c, 20_000);
    expect(held.livenessProbe).toMatchObject({ initialDelaySeconds: 20 });
    expect(containerFate(held, busybox)).toEqual({ kind: 'runs' });
  });

  it('kill the container after failureThreshold failures in a row, with the probe text', () => {
    const c = { startupProbe: { httpGet: { path: '/started', port: 80 }, periodSeconds: 5, failureThreshold: 3 } };
    expect(startupOutcome(probeTarget(c, nginx))).toEqual({
      killMs: 15_000,
      message: 'HTTP probe failed with statuscode: 404',
    });
    expect(containerFate(c, nginx)).toMatchObject({
      kind: 'terminates',
      reason: 'StartupProbeFailed',
      exitCode: 137,
      message: 'Startup probe failed: HTTP probe failed with statuscode: 404',
      runMs: 15_000,
    });
  });

  it('are absent unless declared, and never delay probes past their own initial delay', () => {
    expect(startupOutcome(probeTarget({}, nginx))).toBeUndefined();
    const c = { livenessProbe: { tcpSocket: { port: 80 }, initialDelaySeconds: 60 } };
    expect(afterStartup(c, 5_000).livenessProbe).toMatchObject({ initialDelaySeconds: 60 });
  });
});
