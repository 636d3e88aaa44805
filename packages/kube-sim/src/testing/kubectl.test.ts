import { existsSync, statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimCluster, startSimCluster } from '../startSimCluster.js';
import { createHelm, createKubectl, toolBinary, toolCacheDir } from './kubectl.js';

let sim: SimCluster;
beforeAll(async () => {
  sim = await startSimCluster({ controllers: false });
});
afterAll(async () => sim?.stop());

describe('the kubectl and helm test helpers', () => {
  it('extracts executable binaries once into node_modules/.cache/opspilot/bin', () => {
    const kubectl = toolBinary('kubectl');
    expect(kubectl.startsWith(toolCacheDir())).toBe(true);
    expect(toolCacheDir()).toMatch(/node_modules\/\.cache\/opspilot\/bin$/);
    const mtime = statSync(kubectl).mtimeMs;
    expect(toolBinary('kubectl')).toBe(kubectl);
    expect(statSync(kubectl).mtimeMs).toBe(mtime);
    expect(statSync(kubectl).mode & 0o111).not.toBe(0);
    expect(existsSync(toolBinary('helm'))).toBe(true);
  });

  it('runs kubectl against the cluster over HTTPS with the generated CA', async () => {
    const kubectl = createKubectl(sim.kubeconfig);
    const r = await kubectl(['get', 'ns', 'default', '-o', 'name']);
    expect(r).toEqual({ code: 0, stdout: 'namespace/default\n', stderr: '' });
    expect((await kubectl(['get', 'ns', 'nope'])).code).toBe(1);
  });

  it('runs helm with its own fresh directories', async () => {
    const helm = createHelm(sim.kubeconfig);
    const r = await helm(['version', '--short']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^v4\./);
  });
});
