import { InputError, UpstreamError } from '@opspilot/core';
import { z } from 'zod';
import { sha256Digest } from './verifySignature.js';

/** An image reference split as the OCI distribution API needs it. */
export interface OciReference {
  registry: string;
  repository: string;
  tag?: string;
  digest?: string;
}

/** A signature found in the registry for an image digest. */
export type RegistrySignature =
  | { kind: 'simple-signing'; payload: Buffer; signature: string; source: string }
  | { kind: 'bundle' | 'dsse'; text: string; source: string };

/** How the registry is reached: `fetch` (the port), plain HTTP for a local registry, an optional bearer token. */
export interface RegistryAccess {
  fetch: typeof fetch;
  plainHttp?: boolean;
  token?: string;
}

const MANIFEST_TYPES = [
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
].join(', ');
const SIGNATURE_ANNOTATION = 'dev.cosignproject.cosign/signature';

const Descriptor = z.object({
  mediaType: z.string().optional(),
  digest: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  artifactType: z.string().optional(),
  annotations: z.record(z.string(), z.string()).optional(),
});
const Manifest = z.object({ layers: z.array(Descriptor).default([]), artifactType: z.string().optional() });
const Index = z.object({ manifests: z.array(Descriptor).default([]) });

/**
 * Splits `host[:port]/path[:tag][@sha256:…]`; a name without a registry host is Docker Hub's (`library/` added to
 * single-segment names), and neither tag nor digest means `latest`.
 * @see https://github.com/distribution/reference
 */
export function parseOciReference(image: string): OciReference {
  const at = image.indexOf('@');
  const digest = at >= 0 ? image.slice(at + 1) : undefined;
  let rest = at >= 0 ? image.slice(0, at) : image;
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const first = rest.split('/')[0] ?? '';
  const hasHost = rest.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  const registry = hasHost ? first : 'registry-1.docker.io';
  let repository = hasHost ? rest.slice(first.length + 1) : rest;
  if (!hasHost && !repository.includes('/')) repository = `library/${repository}`;
  if (!repository || (digest && !/^sha256:[0-9a-f]{64}$/.test(digest)))
    throw new InputError(`not an image reference: ${image}`, { hint: 'e.g. ghcr.io/acme/api:1.4.0' });
  return { registry, repository, ...(tag ? { tag } : {}), ...(digest ? { digest } : !tag ? { tag: 'latest' } : {}) };
}

async function get(
  access: RegistryAccess,
  ref: OciReference,
  path: string,
  accept?: string,
): Promise<{ status: number; body: Buffer; digest?: string }> {
  const url = `${access.plainHttp ? 'http' : 'https'}://${ref.registry}/v2/${ref.repository}/${path}`;
  let res: Response;
  try {
    res = await access.fetch(url, {
      headers: {
        ...(accept ? { Accept: accept } : {}),
        ...(access.token ? { Authorization: `Bearer ${access.token}` } : {}),
      },
    });
  } catch (error) {
    throw new UpstreamError(`the registry ${ref.registry} cannot be reached: ${(error as Error).message}`, {
      source: 'registry',
      retryable: true,
      hint: 'check the registry address (--plain-http for a local registry without TLS)',
    });
  }
  const body = Buffer.from(await res.arrayBuffer());
  if (res.status !== 200 && res.status !== 404)
    throw new UpstreamError(`the registry answered ${res.status} for ${path}`, {
      source: 'registry',
      status: res.status,
      retryable: res.status >= 500,
      hint: res.status === 401 ? 'give a registry token (--registry-token)' : 'check the image reference',
    });
  return { status: res.status, body, digest: res.headers.get('docker-content-digest') ?? undefined };
}

async function blob(access: RegistryAccess, ref: OciReference, digest: string): Promise<Buffer> {
  const got = await get(access, ref, `blobs/${digest}`);
  if (got.status !== 200)
    throw new UpstreamError(`blob ${digest} is missing`, { source: 'registry', retryable: false });
  if (sha256Digest(got.body) !== digest)
    throw new UpstreamError(`blob ${digest} does not match its digest`, { source: 'registry', retryable: false });
  return got.body;
}

/**
 * Resolves an image to its manifest digest (by tag: the `Docker-Content-Digest` the registry answers, checked against
 * the manifest's own sha256) and fetches its signatures over the OCI distribution API: cosign's
 * `sha256-<hex>.sig` tag (simple-signing layers with their signature annotation) and the referrers API (Sigstore
 * bundles and DSSE attestations). Every blob is checked against its digest.
 * @see https://github.com/opencontainers/distribution-spec/blob/main/spec.md
 * @see https://github.com/sigstore/cosign/blob/main/specs/SIGNATURE_SPEC.md
 */
export async function fetchImageSignatures(
  image: string,
  access: RegistryAccess,
): Promise<{ digest: string; signatures: RegistrySignature[] }> {
  const ref = parseOciReference(image);
  let digest = ref.digest;
  if (!digest) {
    const manifest = await get(access, ref, `manifests/${ref.tag}`, MANIFEST_TYPES);
    if (manifest.status === 404)
      throw new InputError(`${image}: no such tag in ${ref.registry}`, { hint: 'check the tag' });
    digest = sha256Digest(manifest.body);
    if (manifest.digest && manifest.digest !== digest)
      throw new UpstreamError(`the registry's digest ${manifest.digest} is not the manifest's ${digest}`, {
        source: 'registry',
        retryable: false,
      });
  }
  const signatures: RegistrySignature[] = [];
  const sigTag = await get(access, ref, `manifests/${digest.replace(':', '-')}.sig`, MANIFEST_TYPES);
  if (sigTag.status === 200) {
    for (const layer of Manifest.parse(JSON.parse(sigTag.body.toString('utf8'))).layers) {
      const signature = layer.annotations?.[SIGNATURE_ANNOTATION];
      if (signature)
        signatures.push({
          kind: 'simple-signing',
          payload: await blob(access, ref, layer.digest),
          signature,
          source: `${digest.replace(':', '-')}.sig`,
        });
    }
  }
  const referrers = await get(access, ref, `referrers/${digest}`, 'application/vnd.oci.image.index.v1+json');
  if (referrers.status === 200) {
    for (const entry of Index.parse(JSON.parse(referrers.body.toString('utf8'))).manifests) {
      const type = entry.artifactType ?? '';
      const kind = type.startsWith('application/vnd.dev.sigstore.bundle')
        ? 'bundle'
        : type.includes('dsse') || type.includes('in-toto')
          ? 'dsse'
          : undefined;
      if (!kind) continue;
      const manifest = await get(access, ref, `manifests/${entry.digest}`, MANIFEST_TYPES);
      if (manifest.status !== 200 || sha256Digest(manifest.body) !== entry.digest) continue;
      for (const layer of Manifest.parse(JSON.parse(manifest.body.toString('utf8'))).layers)
        signatures.push({
          kind,
          text: (await blob(access, ref, layer.digest)).toString('utf8'),
          source: `referrer ${entry.digest}`,
        });
    }
  }
  return { digest, signatures };
}
