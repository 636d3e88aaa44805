import { execFileSync } from 'node:child_process';
import { createPrivateKey, generateKeyPairSync, type KeyObject, sign, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OciTestRegistry } from './__fixtures__/ociTestRegistry.js';
import { parseOciReference } from './registrySignatures.js';
import { verifyImageSignatures } from './verifyImageSignatures.js';
import { dssePae, verifyBundle, verifyDsse, verifySimpleSigning } from './verifySignature.js';

const keys = () => generateKeyPairSync('ec', { namedCurve: 'P-256' });
const pem = (k: KeyObject) => k.export({ type: 'spki', format: 'pem' }).toString();
const sig = (data: Buffer, key: KeyObject) => sign('sha256', data, key).toString('base64');

const simpleSigning = (digest: string, image = 'ghcr.io/acme/api') =>
  Buffer.from(
    JSON.stringify({
      critical: {
        identity: { 'docker-reference': image },
        image: { 'docker-manifest-digest': digest },
        type: 'cosign container image signature',
      },
      optional: null,
    }),
  );

function envelope(digest: string, key: KeyObject) {
  const statement = {
    _type: 'https://in-toto.io/Statement/v1',
    subject: [{ name: 'ghcr.io/acme/api', digest: { sha256: digest.replace('sha256:', '') } }],
    predicateType: 'https://slsa.dev/provenance/v1',
    predicate: {},
  };
  const payload = Buffer.from(JSON.stringify(statement));
  const payloadType = 'application/vnd.in-toto+json';
  return {
    payloadType,
    payload: payload.toString('base64'),
    signatures: [{ keyid: '', sig: sig(dssePae(payloadType, payload), key) }],
  };
}

const DIGEST = `sha256:${'ab'.repeat(32)}`;

describe('signature verification (offline, node:crypto)', () => {
  const signer = keys();
  const other = keys();

  it('verifies a cosign simple-signing signature under its key, and refuses another key or another digest', () => {
    const payload = simpleSigning(DIGEST);
    const good = verifySimpleSigning(payload, sig(payload, signer.privateKey), pem(signer.publicKey), [DIGEST]);
    expect(good).toMatchObject({ verified: true, method: 'key', digestMatches: true, problems: [] });
    const wrongKey = verifySimpleSigning(payload, sig(payload, signer.privateKey), pem(other.publicKey), [DIGEST]);
    expect(wrongKey).toMatchObject({ verified: false, problems: ['the signature does not verify under the key'] });
    const otherImage = verifySimpleSigning(payload, sig(payload, signer.privateKey), pem(signer.publicKey), [
      `sha256:${'cd'.repeat(32)}`,
    ]);
    expect(otherImage.verified).toBe(false);
    expect(otherImage.problems[0]).toMatch(/is for sha256:abab/);
    const tampered = Buffer.from(payload.toString().replace('ghcr.io', 'evil.io'));
    expect(
      verifySimpleSigning(tampered, sig(payload, signer.privateKey), pem(signer.publicKey), [DIGEST]).verified,
    ).toBe(false);
  });

  it('verifies a DSSE envelope over its pre-authentication encoding; a malformed one names the field', () => {
    const text = JSON.stringify(envelope(DIGEST, signer.privateKey));
    expect(verifyDsse(text, 'att.json', [DIGEST], { key: pem(signer.publicKey) })).toMatchObject({ verified: true });
    expect(verifyDsse(text, 'att.json', [DIGEST], { key: pem(other.publicKey) })).toMatchObject({
      verified: false,
      problems: ['no signature of the envelope verifies'],
    });
    expect(() =>
      verifyDsse('{"payloadType":"x","payload":"eA=="}', 'att.json', [DIGEST], { key: pem(signer.publicKey) }),
    ).toThrow(/att.json: field signatures/);
  });

  describe('keyless bundles against a supplied trust root', () => {
    let dir: string;
    let root: string;
    let leafDer: Buffer;
    let leafKey: KeyObject;
    let otherRoot: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'opspilot-fulcio-'));
      const ssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
      for (const name of ['root', 'other'])
        ssl(
          'req',
          '-x509',
          '-newkey',
          'ec',
          '-pkeyopt',
          'ec_paramgen_curve:P-256',
          '-nodes',
          '-keyout',
          `${name}.key`,
          '-out',
          `${name}.pem`,
          '-days',
          '2',
          '-subj',
          `/O=${name}/CN=${name} root`,
          '-addext',
          'basicConstraints=critical,CA:TRUE',
          '-addext',
          'keyUsage=critical,keyCertSign',
        );
      ssl(
        'req',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-keyout',
        'leaf.key',
        '-out',
        'leaf.csr',
        '-subj',
        '/O=sigstore.dev',
      );
      writeFileSync(join(dir, 'leaf.ext'), 'subjectAltName=email:dev@acme.test\nkeyUsage=critical,digitalSignature\n');
      ssl(
        'x509',
        '-req',
        '-in',
        'leaf.csr',
        '-CA',
        'root.pem',
        '-CAkey',
        'root.key',
        '-CAcreateserial',
        '-out',
        'leaf.pem',
        '-days',
        '1',
        '-extfile',
        'leaf.ext',
      );
      root = readFileSync(join(dir, 'root.pem'), 'utf8');
      otherRoot = readFileSync(join(dir, 'other.pem'), 'utf8');
      leafDer = new X509Certificate(readFileSync(join(dir, 'leaf.pem'))).raw;
      leafKey = createPrivateKey(readFileSync(join(dir, 'leaf.key')));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    const bundle = (env: object) =>
      JSON.stringify({
        mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
        verificationMaterial: {
          certificate: { rawBytes: leafDer.toString('base64') },
          tlogEntries: [{ logIndex: '1', integratedTime: String(Math.floor(Date.now() / 1000)) }],
        },
        dsseEnvelope: env,
      });

    it('verifies the certificate chain and the DSSE signature, never the transparency log', () => {
      const verdict = verifyBundle(bundle(envelope(DIGEST, leafKey)), 'b.json', [DIGEST], {
        trustRoots: [root],
        identity: 'dev@acme.test',
      });
      expect(verdict).toMatchObject({
        verified: true,
        method: 'certificate',
        transparencyLog: 'not verified',
        problems: [],
      });
      expect(verdict.identities).toEqual(['email:dev@acme.test']);
      const someoneElse = verifyBundle(bundle(envelope(DIGEST, leafKey)), 'b.json', [DIGEST], {
        trustRoots: [root],
        identity: 'ops@acme.test',
      });
      expect(someoneElse.verified).toBe(false);
      const untrusted = verifyBundle(bundle(envelope(DIGEST, leafKey)), 'b.json', [DIGEST], {
        trustRoots: [otherRoot],
      });
      expect(untrusted.verified).toBe(false);
      expect(untrusted.problems).toContain('the signing certificate does not chain to a given trust root');
      const none = verifyBundle(bundle(envelope(DIGEST, leafKey)), 'b.json', [DIGEST], {});
      expect(none.verified).toBe(false);
      expect(none.problems[0]).toMatch(/no trust root given/);
      const forged = verifyBundle(bundle(envelope(DIGEST, keys().privateKey)), 'b.json', [DIGEST], {
        trustRoots: [root],
      });
      expect(forged.problems).toContain('no signature of the envelope verifies');
    });
  });
});

describe('signatures fetched from an OCI registry (distribution API wire format)', () => {
  const registry = new OciTestRegistry();
  const signer = keys();
  let host: string;
  let digest: string;
  beforeAll(async () => {
    host = await registry.start();
    const config = registry.blob('{}', 'application/vnd.oci.image.config.v1+json');
    const layer = registry.blob('layer', 'application/vnd.oci.image.layer.v1.tar+gzip');
    digest = registry.manifest(
      'acme/api',
      { schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config, layers: [layer] },
      '1.4.0',
    );
    const payload = simpleSigning(digest, `${host}/acme/api`);
    registry.manifest(
      'acme/api',
      {
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: registry.blob('{}', 'application/vnd.oci.image.config.v1+json'),
        layers: [
          registry.blob(payload, 'application/vnd.dev.cosign.simplesigning.v1+json', {
            'dev.cosignproject.cosign/signature': sig(payload, signer.privateKey),
          }),
        ],
      },
      `${digest.replace(':', '-')}.sig`,
    );
    const attestation = JSON.stringify(envelope(digest, signer.privateKey));
    registry.manifest('acme/api', {
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      artifactType: 'application/vnd.dsse.envelope.v1+json',
      config: registry.blob('{}', 'application/vnd.oci.empty.v1+json'),
      layers: [registry.blob(attestation, 'application/vnd.dsse.envelope.v1+json')],
      subject: { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest, size: 1 },
    });
  });
  afterAll(() => registry.stop());

  it('resolves the tag to its digest, fetches the .sig tag and the referrers, and verifies both with the key', async () => {
    const report = await verifyImageSignatures(
      `${host}/acme/api:1.4.0`,
      { key: pem(signer.publicKey) },
      { fetch, plainHttp: true },
    );
    expect(report.digest).toBe(digest);
    expect(report.verified).toBe(true);
    expect(report.signatures.map((s) => [s.format, s.verified])).toEqual([
      ['simple-signing', true],
      ['dsse', true],
    ]);
    const wrong = await verifyImageSignatures(
      `${host}/acme/api:1.4.0`,
      { key: pem(keys().publicKey) },
      { fetch, plainHttp: true },
    );
    expect(wrong.verified).toBe(false);
  });

  it('reports an unsigned image, an unknown tag and an unreachable registry', async () => {
    const config = registry.blob('{"u":1}', 'application/vnd.oci.image.config.v1+json');
    registry.manifest(
      'acme/plain',
      { schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config, layers: [] },
      'v1',
    );
    const unsigned = await verifyImageSignatures(
      `${host}/acme/plain:v1`,
      { key: pem(signer.publicKey) },
      { fetch, plainHttp: true },
    );
    expect(unsigned).toMatchObject({ verified: false, signatures: [] });
    await expect(
      verifyImageSignatures(`${host}/acme/api:9.9`, { key: pem(signer.publicKey) }, { fetch, plainHttp: true }),
    ).rejects.toThrow(/no such tag/);
    await expect(
      verifyImageSignatures('127.0.0.1:1/acme/api:1', { key: pem(signer.publicKey) }, { fetch, plainHttp: true }),
    ).rejects.toThrow(/cannot be reached/);
  });

  it('parses image references as the distribution reference grammar does', () => {
    expect(parseOciReference('nginx')).toEqual({
      registry: 'registry-1.docker.io',
      repository: 'library/nginx',
      tag: 'latest',
    });
    expect(parseOciReference(`localhost:5000/a/b@${DIGEST}`)).toEqual({
      registry: 'localhost:5000',
      repository: 'a/b',
      digest: DIGEST,
    });
    expect(parseOciReference('ghcr.io/acme/api:1.4.0')).toEqual({
      registry: 'ghcr.io',
      repository: 'acme/api',
      tag: '1.4.0',
    });
  });
});
