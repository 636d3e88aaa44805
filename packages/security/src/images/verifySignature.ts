import { createHash, createPublicKey, type KeyObject, verify, X509Certificate } from 'node:crypto';
import { InputError } from '@opspilot/core';
import { z } from 'zod';

/** How a signature was checked. */
export interface SignatureVerdict {
  /** `simple-signing` (cosign's `.sig` payload), `dsse` (an attestation envelope) or `bundle` (a Sigstore bundle). */
  format: 'simple-signing' | 'dsse' | 'bundle';
  /** The signature verifies under the key (or the certificate chained to a trusted root) and names the image. */
  verified: boolean;
  /** `key`: a given public key; `certificate`: a keyless signing certificate checked against the trust roots. */
  method: 'key' | 'certificate';
  /** The signed payload names one of the image's digests. */
  digestMatches: boolean;
  /** Keyless: the signing certificate's subject alternative names (`email:…`, `URI:…`). */
  identities?: string[];
  /** The transparency log (Rekor) inclusion is never checked: it needs Rekor's key and proof, not supplied offline. */
  transparencyLog: 'not verified';
  problems: string[];
}

/** What verification is given: a public key (PEM), or trust roots (PEM certificates) and an expected identity. */
export interface VerifyOptions {
  key?: string;
  trustRoots?: string[];
  /** Keyless: a subject alternative name the signing certificate must carry (`dev@acme.test`, a workflow URI). */
  identity?: string;
  /** When the signature was made (for the certificate's validity window); default now. */
  at?: Date;
}

const SimpleSigning = z.object({
  critical: z.object({
    identity: z.object({ 'docker-reference': z.string() }).partial().optional(),
    image: z.object({ 'docker-manifest-digest': z.string() }),
    type: z.string(),
  }),
});
const Envelope = z.object({
  payloadType: z.string(),
  payload: z.string().min(1),
  signatures: z.array(z.object({ keyid: z.string().optional(), sig: z.string().min(1) })).min(1),
});
const Statement = z.object({ subject: z.array(z.object({ digest: z.record(z.string(), z.string()) })).min(1) });
const Bundle = z.object({
  mediaType: z.string().regex(/^application\/vnd\.dev\.sigstore\.bundle/),
  verificationMaterial: z.object({
    publicKey: z.object({ hint: z.string().optional() }).optional(),
    certificate: z.object({ rawBytes: z.string() }).optional(),
    x509CertificateChain: z.object({ certificates: z.array(z.object({ rawBytes: z.string() })).min(1) }).optional(),
    tlogEntries: z.array(z.object({ integratedTime: z.coerce.number().optional() }).passthrough()).optional(),
  }),
  dsseEnvelope: Envelope.optional(),
  messageSignature: z
    .object({ messageDigest: z.object({ algorithm: z.string(), digest: z.string() }), signature: z.string() })
    .optional(),
});

function publicKey(pem: string): KeyObject {
  try {
    return createPublicKey(pem);
  } catch (error) {
    throw new InputError(`the public key cannot be read: ${(error as Error).message}`, {
      hint: 'give the PEM public key the image was signed with (cosign.pub)',
    });
  }
}

/** DSSE pre-authentication encoding: what a DSSE signature signs. */
export function dssePae(payloadType: string, payload: Buffer): Buffer {
  const type = Buffer.from(payloadType, 'utf8');
  return Buffer.concat([Buffer.from(`DSSEv1 ${type.length} `), type, Buffer.from(` ${payload.length} `), payload]);
}

const verifies = (data: Buffer, signatureB64: string, key: KeyObject) => {
  try {
    return verify('sha256', data, key, Buffer.from(signatureB64, 'base64'));
  } catch {
    return false;
  }
};

const sha = (d: string) => (d.startsWith('sha256:') ? d : `sha256:${d}`);

/**
 * Verifies a cosign key-pair signature of an image: the simple-signing payload (the `.sig` layer's blob) signed with
 * ECDSA P-256 / SHA-256 (the layer's `dev.cosignproject.cosign/signature` annotation, base64 DER) under the PEM public
 * key, and that the payload names one of the image's `digests`.
 * @see https://github.com/sigstore/cosign/blob/main/specs/SIGNATURE_SPEC.md
 */
export function verifySimpleSigning(
  payload: Buffer,
  signature: string,
  keyPem: string,
  digests: readonly string[],
): SignatureVerdict {
  const problems: string[] = [];
  let digest: string | undefined;
  try {
    digest = SimpleSigning.parse(JSON.parse(payload.toString('utf8'))).critical.image['docker-manifest-digest'];
  } catch {
    problems.push('the payload is not a simple-signing document');
  }
  const ok = verifies(payload, signature, publicKey(keyPem));
  if (!ok) problems.push('the signature does not verify under the key');
  const digestMatches = digest !== undefined && digests.map(sha).includes(sha(digest));
  if (digest && !digestMatches) problems.push(`the signature is for ${digest}, not this image`);
  return {
    format: 'simple-signing',
    verified: ok && digestMatches,
    method: 'key',
    digestMatches,
    transparencyLog: 'not verified',
    problems,
  };
}

/** The signing certificate chain checked against the trust roots; the leaf's public key, or problems. */
function certificateKey(
  chain: X509Certificate[],
  options: VerifyOptions,
  problems: string[],
): { key?: KeyObject; identities: string[] } {
  const leaf = chain[0]!;
  const identities = (leaf.subjectAltName ?? '').split(/,\s*/).filter(Boolean);
  const roots = (options.trustRoots ?? []).map((pem) => new X509Certificate(pem));
  if (roots.length === 0)
    problems.push('keyless signature: no trust root given (--trust-root), the certificate is not trusted');
  const at = options.at ?? new Date();
  for (const cert of chain)
    if (at < new Date(cert.validFrom) || at > new Date(cert.validTo))
      problems.push(`certificate ${cert.subject.replace(/\n/g, ', ')} is not valid at ${at.toISOString()}`);
  // issued by: the issuer's name, a CA certificate, and a signature that verifies under its key
  const issued = (by: X509Certificate, cert: X509Certificate) =>
    by.ca && by.subject === cert.issuer && cert.verify(by.publicKey);
  let current = leaf;
  let trusted = false;
  for (let depth = 0; depth < 10 && roots.length > 0; depth++) {
    const root = roots.find((r) => issued(r, current));
    if (root) {
      trusted = true;
      break;
    }
    const next = chain.find((c) => c !== current && issued(c, current));
    if (!next) break;
    current = next;
  }
  if (roots.length > 0 && !trusted) problems.push('the signing certificate does not chain to a given trust root');
  if (options.identity && !identities.some((i) => i.replace(/^(email|URI):/, '') === options.identity))
    problems.push(`the certificate is for ${identities.join(', ') || 'no identity'}, not ${options.identity}`);
  return { key: trusted ? leaf.publicKey : undefined, identities };
}

function digestsOfStatement(payload: Buffer): string[] {
  const parsed = Statement.safeParse(JSON.parse(payload.toString('utf8')));
  return parsed.success
    ? parsed.data.subject.flatMap((s) => (s.digest.sha256 ? [`sha256:${s.digest.sha256}`] : []))
    : [];
}

/**
 * Verifies a DSSE envelope (an in-toto attestation, `cosign attest`) under a PEM public key: one signature must
 * verify over the DSSE pre-authentication encoding, and the statement's subject must name one of `digests`.
 * @see https://github.com/secure-systems-lab/dsse/blob/master/protocol.md
 */
export function verifyDsse(
  text: string,
  file: string,
  digests: readonly string[],
  options: VerifyOptions,
): SignatureVerdict {
  const envelope = Envelope.safeParse(parseJson(text, file));
  if (!envelope.success) throw fieldError(file, envelope.error);
  if (!options.key) throw new InputError(`${file}: a DSSE envelope needs --key`, { hint: 'give the PEM public key' });
  return dsseVerdict('dsse', envelope.data, publicKey(options.key), digests, [], 'key');
}

function dsseVerdict(
  format: SignatureVerdict['format'],
  envelope: z.infer<typeof Envelope>,
  key: KeyObject | undefined,
  digests: readonly string[],
  problems: string[],
  method: SignatureVerdict['method'],
  identities?: string[],
): SignatureVerdict {
  const payload = Buffer.from(envelope.payload, 'base64');
  const pae = dssePae(envelope.payloadType, payload);
  const ok = key !== undefined && envelope.signatures.some((s) => verifies(pae, s.sig, key));
  if (key && !ok) problems.push('no signature of the envelope verifies');
  const subjects = digestsOfStatement(payload);
  const digestMatches = subjects.some((d) => digests.map(sha).includes(d));
  if (!digestMatches) problems.push(`the attestation's subjects (${subjects.join(', ') || 'none'}) are not this image`);
  return {
    format,
    verified: ok && digestMatches && problems.length === 0,
    method,
    digestMatches,
    ...(identities ? { identities } : {}),
    transparencyLog: 'not verified',
    problems,
  };
}

/**
 * Verifies a Sigstore bundle: with a public key, or keyless — its signing certificate (and chain) must chain to one
 * of the given trust roots (a Fulcio root, PEM), be valid when the signature was made (the tlog entry's time, else
 * `at`) and carry `identity` when given. A DSSE envelope is verified over its pre-authentication encoding and its
 * statement must name the image. A message signature (over an artifact blob) is reported, not verified. The
 * transparency-log inclusion proof (Rekor) is NOT verified.
 * @see https://docs.sigstore.dev/about/bundle/
 */
export function verifyBundle(
  text: string,
  file: string,
  digests: readonly string[],
  options: VerifyOptions,
): SignatureVerdict {
  const parsed = Bundle.safeParse(parseJson(text, file));
  if (!parsed.success) throw fieldError(file, parsed.error);
  const bundle = parsed.data;
  const problems: string[] = [];
  const raw =
    bundle.verificationMaterial.x509CertificateChain?.certificates ??
    (bundle.verificationMaterial.certificate ? [bundle.verificationMaterial.certificate] : []);
  let key: KeyObject | undefined;
  let identities: string[] | undefined;
  let method: SignatureVerdict['method'] = 'key';
  if (raw.length > 0 && !options.key) {
    method = 'certificate';
    const time = bundle.verificationMaterial.tlogEntries?.[0]?.integratedTime;
    const chain = raw.map((c) => new X509Certificate(Buffer.from(c.rawBytes, 'base64')));
    const checked = certificateKey(chain, { ...options, ...(time ? { at: new Date(time * 1000) } : {}) }, problems);
    key = checked.key;
    identities = checked.identities;
  } else if (options.key) {
    key = publicKey(options.key);
  } else {
    throw new InputError(`${file}: the bundle has no certificate and no --key was given`, {
      hint: 'give the PEM public key the image was signed with',
    });
  }
  if (bundle.dsseEnvelope)
    return dsseVerdict('bundle', bundle.dsseEnvelope, key, digests, problems, method, identities);
  const message = bundle.messageSignature;
  if (!message) throw new InputError(`${file}: the bundle has neither dsseEnvelope nor messageSignature`);
  // A message signature signs the artifact's bytes, which an image check does not have: only its digest is compared.
  const signed = `sha256:${Buffer.from(message.messageDigest.digest, 'base64').toString('hex')}`;
  const digestMatches = digests.map(sha).includes(signed);
  if (!digestMatches) problems.push(`the bundle signs ${signed}, not this image`);
  problems.push(
    'a message signature over an artifact blob is not verified here (sign images with cosign sign or attest)',
  );
  const ok = false;
  return {
    format: 'bundle',
    verified: ok && digestMatches && problems.length === 0,
    method,
    digestMatches,
    ...(identities ? { identities } : {}),
    transparencyLog: 'not verified',
    problems,
  };
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(`${file}: not JSON: ${(error as Error).message}`, {
      hint: 'give a DSSE envelope or a Sigstore bundle as JSON',
    });
  }
}

function fieldError(file: string, error: z.ZodError): InputError {
  const issue = error.issues[0];
  return new InputError(`${file}: field ${issue?.path.join('.') || '(root)'}: ${issue?.message}`, {
    hint: 'give a DSSE envelope (cosign download attestation) or a Sigstore bundle (.sigstore.json)',
  });
}

/** The sha256 digest (`sha256:…`) of bytes, as registries name blobs and manifests. */
export function sha256Digest(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}
