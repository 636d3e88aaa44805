import { InputError, type PlanStep } from '@opspilot/core';
import { z } from 'zod';
import { RESTARTABLE_KINDS, ROTATED_AT_ANNOTATION, type SecretAge } from './secretAges.js';

/** What to rotate: generated values for some or all keys, or values the user supplies (never printed). */
export const RotationRequest = z
  .object({
    /** Keys to give a new random value; every key of the Secret when neither this nor `values` is given. */
    generate: z.array(z.string().min(1).max(253)).max(100).optional(),
    /** New values per key, given by the user (a password issued elsewhere). */
    values: z.record(z.string().min(1).max(253), z.string().min(1).max(1_000_000)).optional(),
    /** Bytes of randomness of a generated value (base64url-encoded). */
    length: z.int().min(16).max(512).default(32),
    /** Restart the consuming Deployments, StatefulSets and DaemonSets (default true). */
    restart: z.boolean().default(true),
  })
  .strict();
export type RotationRequest = z.input<typeof RotationRequest>;

/** The steps that rotate a Secret, for the operation lifecycle (the caller finishes them into a plan). */
export interface SecretRotation {
  summary: string;
  steps: PlanStep[];
  /** The keys that get a new value (names only). */
  keys: string[];
  restarted: string[];
}

/** A random value of `bytes` bytes, base64url without padding. */
export function randomSecretValue(bytes = 32): string {
  const buf = new Uint8Array(bytes);
  globalThis.crypto.getRandomValues(buf);
  return Buffer.from(buf).toString('base64url');
}

const GENERATABLE = new Set(['Opaque', '']);

/**
 * The rotation of one Secret as plan steps: a patch setting each rotated key's new value (as `stringData`, so the
 * lifecycle seals and redacts it) and the `opspilot.dev/rotated-at` annotation, then a rollout restart of every
 * Deployment, StatefulSet and DaemonSet that reads it. Generated values are only for Opaque Secrets (a TLS key pair or
 * a registry credential must be supplied). Values never appear in the summary or step descriptions.
 */
export function secretRotation(
  secret: SecretAge,
  input: RotationRequest,
  options: { now: Date; random?: (bytes: number) => string },
): SecretRotation {
  const request = RotationRequest.parse(input);
  const supplied = request.values ?? {};
  const toGenerate = request.generate ?? (request.values ? [] : secret.keys);
  const unknown = toGenerate.filter((k) => !secret.keys.includes(k));
  if (unknown.length)
    throw new InputError(`Secret ${secret.namespace}/${secret.name} has no key ${unknown.join(', ')}`, {
      hint: `its keys: ${secret.keys.join(', ') || '(none)'}`,
    });
  if (toGenerate.length && !GENERATABLE.has(secret.type))
    throw new InputError(`a ${secret.type} Secret's values cannot be generated`, {
      hint: 'supply the new values (e.g. the new certificate and key) instead of generating them',
    });
  const random = options.random ?? randomSecretValue;
  const stringData: Record<string, string> = { ...supplied };
  for (const key of toGenerate) if (!(key in supplied)) stringData[key] = random(request.length);
  const keys = Object.keys(stringData).sort();
  if (keys.length === 0)
    throw new InputError(`nothing to rotate in Secret ${secret.namespace}/${secret.name}`, {
      hint: 'it has no keys: supply values for the keys to set',
    });
  const restartable = new Set<string>(RESTARTABLE_KINDS);
  const restarts = request.restart ? secret.consumers.filter((c) => restartable.has(c.kind)) : [];
  const steps: PlanStep[] = [
    {
      op: 'apply',
      mode: 'patch',
      object: {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: {
          name: secret.name,
          namespace: secret.namespace,
          annotations: { [ROTATED_AT_ANNOTATION]: options.now.toISOString() },
        },
        stringData,
      } as never,
      description: `rotate Secret ${secret.namespace}/${secret.name}: new value for ${keys.join(', ')}`,
    },
    ...restarts.map(
      (c): PlanStep => ({
        op: 'rolloutRestart',
        target: { kind: c.kind, namespace: c.namespace, name: c.name },
        description: `restart ${c.kind.toLowerCase()}/${c.name} so its pods read the new value`,
      }),
    ),
  ];
  const restarted = restarts.map((c) => `${c.kind.toLowerCase()}/${c.name}`);
  return {
    summary: `rotate Secret ${secret.namespace}/${secret.name} (${keys.length} key${keys.length === 1 ? '' : 's'})${
      restarted.length ? ` and restart ${restarted.join(', ')}` : ''
    }`,
    steps,
    keys,
    restarted,
  };
}
