import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OciTestRegistry } from '@opspilot/security/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../runCli.js';
import { memoryIo } from '../testing/index.js';

describe('opspilot security verify', () => {
  const registry = new OciTestRegistry();
  const signer = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const other = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  let dir: string;
  let host: string;
  let digest: string;
  const cli = async (...args: string[]) => {
    const io = memoryIo({}, dir);
    const code = await runCli(args, io);
    return { code, out: io.out(), err: io.err() };
  };
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'opspilot-verify-'));
    writeFileSync(join(dir, 'cosign.pub'), signer.publicKey.export({ type: 'spki', format: 'pem' }));
    writeFileSync(join(dir, 'other.pub'), other.publicKey.export({ type: 'spki', format: 'pem' }));
    host = await registry.start();
    const config = registry.blob('{}', 'application/vnd.oci.image.config.v1+json');
    digest = registry.manifest(
      'acme/api',
      { schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config, layers: [] },
      '1.4.0',
    );
    const payload = Buffer.from(
      JSON.stringify({
        critical: {
          identity: { 'docker-reference': `${host}/acme/api` },
          image: { 'docker-manifest-digest': digest },
          type: 'cosign container image signature',
        },
        optional: null,
      }),
    );
    registry.manifest(
      'acme/api',
      {
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config,
        layers: [
          registry.blob(payload, 'application/vnd.dev.cosign.simplesigning.v1+json', {
            'dev.cosignproject.cosign/signature': sign('sha256', payload, signer.privateKey).toString('base64'),
          }),
        ],
      },
      `${digest.replace(':', '-')}.sig`,
    );
  });
  afterAll(async () => {
    await registry.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('verifies the cosign signature of an image from its registry with the public key; refuses another key', async () => {
    const ok = await cli('security', 'verify', `${host}/acme/api:1.4.0`, '--key', 'cosign.pub', '--plain-http');
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toContain(`${host}/acme/api:1.4.0 (${digest}): VERIFIED`);
    expect(ok.out).toMatch(/sha256-[0-9a-f]{64}\.sig +simple-signing +key +yes/);
    expect(ok.out).toContain('transparency log (Rekor): not verified');
    const wrong = await cli(
      'security',
      'verify',
      `${host}/acme/api:1.4.0`,
      '--key',
      'other.pub',
      '--plain-http',
      '-o',
      'json',
    );
    expect(wrong.code).toBe(1);
    expect(JSON.parse(wrong.out)).toMatchObject({
      verified: false,
      signatures: [
        { format: 'simple-signing', verified: false, problems: ['the signature does not verify under the key'] },
      ],
    });
    expect((await cli('security', 'verify', `${host}/acme/api:1.4.0`, '--plain-http')).code).toBe(2);
  });
});
