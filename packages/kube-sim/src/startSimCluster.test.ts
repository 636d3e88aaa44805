import { connect } from 'node:net';
import { InputError, ManualClock } from '@opspilot/core';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type SimCluster, startSimCluster } from './startSimCluster.js';

const started: SimCluster[] = [];
afterAll(async () => {
  for (const sim of started) await sim.stop();
});

describe('startSimCluster', () => {
  it('serves HTTPS with a kubeconfig carrying the generated CA, on the given clock', async () => {
    const clock = new ManualClock(new Date('2026-01-01T00:00:00Z'));
    const sim = await startSimCluster({ clock, controllers: false });
    started.push(sim);
    expect(sim.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const config = parse(sim.kubeconfig);
    expect(config.clusters[0].cluster.server).toBe(sim.url);
    expect(Buffer.from(config.clusters[0].cluster['certificate-authority-data'], 'base64').toString()).toContain(
      'BEGIN CERTIFICATE',
    );
    const ns = sim.store.get(sim.api.registry.find('', 'v1', 'namespaces')!, undefined, 'default');
    expect(ns.metadata.creationTimestamp).toBe('2026-01-01T00:00:00Z');
  });

  it('stops at once while a client is still in its TLS handshake', async () => {
    const sim = await startSimCluster({ controllers: false });
    const { hostname, port } = new URL(sim.url);
    const socket = connect(Number(port), hostname);
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    // No TLS hello is ever sent: without stop() destroying the socket, the server waits out its handshake time-out.
    await sim.stop();
    await expect.poll(() => socket.destroyed || socket.readableEnded).toBe(true);
    socket.destroy();
  });

  it('serves plain HTTP with insecure-skip-tls-verify, and refuses a taken port with an InputError', async () => {
    const sim = await startSimCluster({ tls: false, controllers: false });
    started.push(sim);
    expect(parse(sim.kubeconfig).clusters[0].cluster['insecure-skip-tls-verify']).toBe(true);
    const port = Number(new URL(sim.url).port);
    const taken = await startSimCluster({ tls: false, port, controllers: false }).catch((e: unknown) => e);
    expect(taken).toBeInstanceOf(InputError);
    expect((taken as InputError).message).toContain('EADDRINUSE');
  });
});
