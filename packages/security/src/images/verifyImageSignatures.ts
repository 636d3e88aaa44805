import { fetchImageSignatures, type RegistryAccess } from './registrySignatures.js';
import {
  type SignatureVerdict,
  type VerifyOptions,
  verifyBundle,
  verifyDsse,
  verifySimpleSigning,
} from './verifySignature.js';

/** The signatures of one image as fetched from its registry and verified offline. */
export interface ImageSignatureReport {
  image: string;
  digest: string;
  /** At least one signature verified. */
  verified: boolean;
  signatures: (SignatureVerdict & { source: string })[];
}

/**
 * Fetches an image's signatures from its registry ({@link fetchImageSignatures}) and verifies each offline
 * ({@link verifySimpleSigning}, {@link verifyDsse}, {@link verifyBundle}) with the given key or trust roots.
 * A signature that cannot be verified is reported with its problems, never dropped.
 */
export async function verifyImageSignatures(
  image: string,
  options: VerifyOptions,
  access: RegistryAccess,
): Promise<ImageSignatureReport> {
  const { digest, signatures } = await fetchImageSignatures(image, access);
  const verdicts = signatures.map((s) => {
    if (s.kind === 'simple-signing') {
      if (!options.key)
        return {
          format: 'simple-signing' as const,
          verified: false,
          method: 'key' as const,
          digestMatches: false,
          transparencyLog: 'not verified' as const,
          problems: ['a cosign key-pair signature needs --key'],
          source: s.source,
        };
      return { ...verifySimpleSigning(s.payload, s.signature, options.key, [digest]), source: s.source };
    }
    const verdict =
      s.kind === 'bundle'
        ? verifyBundle(s.text, s.source, [digest], options)
        : verifyDsse(s.text, s.source, [digest], options);
    return { ...verdict, source: s.source };
  });
  return { image, digest, verified: verdicts.some((v) => v.verified), signatures: verdicts };
}
