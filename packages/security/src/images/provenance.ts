import { InputError } from '@opspilot/core';
import { z } from 'zod';

const Statement = z.object({
  _type: z.string().regex(/^https:\/\/in-toto\.io\/Statement\/v/),
  subject: z.array(z.object({ name: z.string().optional(), digest: z.record(z.string(), z.string()) })).min(1),
  predicateType: z.string().min(1),
  predicate: z.record(z.string(), z.unknown()).default({}),
});

const Envelope = z.object({
  payloadType: z.string(),
  payload: z.string().min(1),
  signatures: z.array(z.object({ keyid: z.string().optional(), sig: z.string() })).default([]),
});

/** What an image's provenance attestation says, as far as it can be checked offline. */
export interface ProvenanceCheck {
  predicateType: string;
  /** SLSA builder id (`runDetails.builder.id` in v1, `builder.id` in v0.2). */
  builder?: string;
  buildType?: string;
  /** `sha256:…` digests of the attestation's subjects. */
  subjects: string[];
  /** Whether a subject digest is one of the image's digests. */
  matchesImage: boolean;
  /** Whether the envelope carries at least one signature; the signature is NOT verified (no keys or Rekor offline). */
  signed: boolean;
  problems: string[];
}

function problem(file: string, error: z.ZodError): InputError {
  const issue = error.issues[0];
  return new InputError(`${file}: field ${issue?.path.join('.') || '(root)'}: ${issue?.message}`, {
    hint: 'give an in-toto statement, a DSSE envelope or a Sigstore bundle (cosign download attestation IMAGE)',
  });
}

/**
 * Reads an image's in-toto provenance attestation — a bare statement, a DSSE envelope (`cosign download attestation`)
 * or a Sigstore bundle with a `dsseEnvelope` — and checks offline what can be: the statement's shape, that a subject
 * digest is the image's (`digests`), the SLSA builder and build type, and whether it is signed at all. Signatures are
 * not verified: that needs the signer's key or the transparency log, which are not reachable offline.
 * @see https://slsa.dev/spec/v1.0/provenance
 * @see https://github.com/in-toto/attestation/blob/main/spec/v1/statement.md
 */
export function checkProvenance(text: string, file: string, digests: readonly string[]): ProvenanceCheck {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${file} is not JSON: ${(error as Error).message}`);
  }
  const obj = (json ?? {}) as Record<string, unknown>;
  const envelopeJson = 'dsseEnvelope' in obj ? obj.dsseEnvelope : 'payloadType' in obj ? obj : undefined;
  let statementJson: unknown = json;
  let signed = false;
  if (envelopeJson !== undefined) {
    const envelope = Envelope.safeParse(envelopeJson);
    if (!envelope.success) throw problem(file, envelope.error);
    signed = envelope.data.signatures.some((s) => s.sig.length > 0);
    try {
      statementJson = JSON.parse(Buffer.from(envelope.data.payload, 'base64').toString('utf8'));
    } catch {
      throw new InputError(`${file}: field payload: not base64-encoded JSON`);
    }
  }
  const statement = Statement.safeParse(statementJson);
  if (!statement.success) throw problem(file, statement.error);
  const s = statement.data;
  const predicate = s.predicate as {
    builder?: { id?: string };
    buildType?: string;
    runDetails?: { builder?: { id?: string } };
    buildDefinition?: { buildType?: string };
  };
  const subjects = s.subject.flatMap((x) => (x.digest.sha256 ? [`sha256:${x.digest.sha256}`] : []));
  const matchesImage = subjects.some((d) => digests.includes(d));
  const builder = predicate.runDetails?.builder?.id ?? predicate.builder?.id;
  const buildType = predicate.buildDefinition?.buildType ?? predicate.buildType;
  const problems = [
    ...(matchesImage ? [] : [`no subject of ${file} is the image (${digests.join(', ') || 'no digest known'})`]),
    ...(/^https:\/\/slsa\.dev\/provenance\//.test(s.predicateType)
      ? []
      : [`${s.predicateType} is not SLSA provenance`]),
    ...(signed ? [] : ['the attestation is not signed']),
  ];
  return {
    predicateType: s.predicateType,
    ...(builder ? { builder } : {}),
    ...(buildType ? { buildType } : {}),
    subjects,
    matchesImage,
    signed,
    problems,
  };
}
