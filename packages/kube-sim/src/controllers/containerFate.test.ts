import { describe, expect, it } from 'vitest';
import { backoffMs, containerFate, crashLoop, finiteRunMs, isReady } from './containerFate.js';
import { IMAGE_CATALOG, lookupImage, parseImage } from './imageCatalog.js';

const nginx = IMAGE_CATALOG.nginx!;

describe('container fate', () => {
  it('backs off 10s, 20s, 40s ... capped at 5 minutes', () => {
    expect([0, 1, 2, 3, 4, 5, 10].map(backoffMs)).toEqual([10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000]);
  });

  it('counts restarts of a crash loop over time', () => {
    expect(crashLoop(500, 1000)).toEqual({ restarts: 0, nextAtMs: 1000, running: true, runStartMs: 0 });
    expect(crashLoop(5000, 1000)).toEqual({
      restarts: 0,
      nextAtMs: 11_000,
      running: false,
      runStartMs: 0,
      lastRun: { startMs: 0, endMs: 1000 },
    });
    expect(crashLoop(12_500, 1000)).toEqual({
      restarts: 1,
      nextAtMs: 32_000,
      running: false,
      runStartMs: 11_000,
      lastRun: { startMs: 11_000, endMs: 12_000 },
    });
    expect(crashLoop(11_500, 1000)).toEqual({
      restarts: 1,
      nextAtMs: 12_000,
      running: true,
      runStartMs: 11_000,
      lastRun: { startMs: 0, endMs: 1000 },
    });
  });

  it('decides crash, OOM and probe failures from the spec', () => {
    expect(containerFate({ image: 'nginx' }, nginx)).toEqual({ kind: 'runs' });
    expect(containerFate({ image: 'nginx', command: ['sh', '-c', 'exit 3'] }, nginx)).toMatchObject({
      reason: 'Error',
    });
    expect(containerFate({ resources: { limits: { memory: '16Mi' } } }, nginx)).toMatchObject({
      reason: 'OOMKilled',
      exitCode: 137,
    });
    expect(containerFate({ livenessProbe: { httpGet: { path: '/nope', port: 80 } } }, nginx)).toMatchObject({
      reason: 'LivenessProbeFailed',
    });
    expect(isReady({ readinessProbe: { httpGet: { path: '/healthz' } } }, nginx)).toBe(true);
    expect(isReady({ readinessProbe: { httpGet: { path: '/ready-not' } } }, nginx)).toBe(false);
  });

  it('OOM-kills a growing process at its limit unless it levels off below it', () => {
    const cache = lookupImage('opspilot/session-cache:1.0')!;
    const limited = (memory: string) => ({ image: 'opspilot/session-cache:1.0', resources: { limits: { memory } } });
    // 64 MiB growing 32 MiB a minute reaches 128 MiB after two minutes; it would level off at 192 MiB.
    expect(containerFate(limited('128Mi'), cache)).toEqual({
      kind: 'terminates',
      reason: 'OOMKilled',
      exitCode: 137,
      message: '',
      runMs: 120_000,
    });
    expect(containerFate(limited('256Mi'), cache)).toEqual({ kind: 'runs' });
  });

  it('resolves images against the catalogue', () => {
    expect(parseImage('docker.io/library/nginx:1.27')).toEqual({ repository: 'nginx', tag: '1.27' });
    expect(parseImage('localhost:5000/app')).toEqual({ repository: 'localhost:5000/app', tag: 'latest' });
    expect(lookupImage('nginx:1.27')).toBe(nginx);
    expect(lookupImage('nginx:9.99')).toBeUndefined();
    expect(lookupImage('ghcr.io/unknown/app:1.0')).toBeUndefined();
  });

  it('lets finite commands and batch images complete, and failing ones exit with their code', () => {
    const busybox = IMAGE_CATALOG.busybox!;
    const batch = IMAGE_CATALOG['opspilot/batch']!;
    expect(finiteRunMs('', busybox)).toBeUndefined();
    expect(finiteRunMs('sleep 30', busybox)).toBe(30_000);
    expect(finiteRunMs('sh -c sleep 2m', busybox)).toBe(120_000);
    expect(finiteRunMs('sh -c echo hello', busybox)).toBe(1000);
    expect(finiteRunMs('sh -c while true; do echo hi; sleep 5; done', busybox)).toBeUndefined();
    expect(finiteRunMs('sleep infinity', busybox)).toBeUndefined();
    expect(containerFate({ image: 'opspilot/batch' }, batch)).toEqual({ kind: 'completes', runMs: 5000 });
    expect(containerFate({ command: ['sh', '-c', 'sleep 3; exit 2'] }, busybox)).toMatchObject({
      kind: 'terminates',
      reason: 'Error',
      exitCode: 2,
      runMs: 3000,
    });
    expect(containerFate({}, IMAGE_CATALOG['opspilot/batch-fail']!)).toMatchObject({
      kind: 'terminates',
      exitCode: 1,
      runMs: 2000,
    });
    expect(lookupImage('perl:5.34.0')?.runMs).toBeGreaterThan(0);
  });
});
