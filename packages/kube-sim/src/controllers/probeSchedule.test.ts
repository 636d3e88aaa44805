import { describe, expect, it } from 'vitest';
import { containerFate, probeTarget } from './containerFate.js';
import { IMAGE_CATALOG } from './imageCatalog.js';
import { probeResult } from './probeResult.js';
import { livenessKill, readiness } from './probeSchedule.js';

const nginx = IMAGE_CATALOG.nginx!;
const busybox = IMAGE_CATALOG.busybox!;
const podIP = '10.244.1.7';
const target = (container: Record<string, unknown>, profile = nginx) => probeTarget(container, profile, { podIP });

describe('probes that answer', () => {
  it('asks the image server on its declared ports and paths, by number or port name', () => {
    const web = target({ ports: [{ name: 'http', containerPort: 80 }] });
    expect(probeResult({ httpGet: { path: '/', port: 'http' } }, web, 0)).toEqual({ ok: true });
    expect(probeResult({ httpGet: { path: '/nope', port: 80 } }, web, 0)).toEqual({
      ok: false,
      message: 'HTTP probe failed with statuscode: 404',
    });
    expect(probeResult({ httpGet: { path: '/', port: 8080 } }, web, 0)).toEqual({
      ok: false,
      message: `Get "http://${podIP}:8080/": dial tcp ${podIP}:8080: connect: connection refused`,
    });
    expect(probeResult({ tcpSocket: { port: 80 } }, web, 0)).toEqual({ ok: true });
    expect(probeResult({ tcpSocket: { port: 443 } }, web, 0)).toEqual({
      ok: false,
      message: `dial tcp ${podIP}:443: connect: connection refused`,
    });
  });

  it('finds nothing listening in a container running a shell command instead of its server', () => {
    const shell = target({ command: ['sh', '-c', 'sleep infinity'] });
    expect(probeResult({ httpGet: { path: '/', port: 80 } }, shell, 0)).toMatchObject({ ok: false });
    expect(
      containerFate({ command: ['sh', '-c', 'sleep infinity'], livenessProbe: { tcpSocket: { port: 80 } } }, nginx),
    ).toMatchObject({ kind: 'terminates', reason: 'LivenessProbeFailed', runMs: 30_000 });
  });

  it('runs exec probes through the shell subset against the files of that moment', () => {
    const app = target({ command: ['sh', '-c', 'sleep 20; echo ok > /tmp/ready; sleep infinity'] }, busybox);
    const probe = { exec: { command: ['cat', '/tmp/ready'] }, periodSeconds: 5 };
    expect(probeResult(probe, app, 10_000)).toEqual({
      ok: false,
      message: "cat: can't open '/tmp/ready': No such file or directory",
    });
    expect(probeResult(probe, app, 20_000)).toEqual({ ok: true });
    expect(probeResult({ exec: { command: ['pg_isready'] } }, app, 0)).toMatchObject({
      message: expect.stringContaining('exec: "pg_isready": executable file not found in $PATH'),
    });
    expect(readiness(probe, app, 15_000)).toMatchObject({ ready: false, failures: 3, nextMs: 20_000 });
    expect(readiness(probe, app, 20_000)).toMatchObject({ ready: true, failures: 3 });
  });

  it('honours initialDelaySeconds, failureThreshold and successThreshold on the run clock', () => {
    const web = target({});
    const late = { httpGet: { path: '/', port: 80 }, initialDelaySeconds: 15 };
    expect(readiness(late, web, 10_000)).toMatchObject({ ready: false, nextMs: 15_000 });
    expect(readiness(late, web, 15_000)).toMatchObject({ ready: true });
    const twice = { httpGet: { path: '/', port: 80 }, periodSeconds: 5, successThreshold: 2 };
    expect(readiness(twice, web, 4_000).ready).toBe(false);
    expect(readiness(twice, web, 5_000).ready).toBe(true);
    const failing = {
      httpGet: { path: '/nope', port: 80 },
      initialDelaySeconds: 5,
      periodSeconds: 2,
      failureThreshold: 4,
    };
    expect(livenessKill(failing, web)).toEqual({ killMs: 13_000, message: 'HTTP probe failed with statuscode: 404' });
    expect(livenessKill({ httpGet: { path: '/', port: 80 } }, web)).toBeUndefined();
  });
});
