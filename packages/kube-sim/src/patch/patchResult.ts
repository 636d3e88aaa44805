import type { Result } from '@opspilot/core';

/** A `metav1.StatusCause` carried by a patch failure, e.g. the underlying JSON patch error. */
export interface PatchCause {
  reason: string;
  message: string;
  field?: string;
}

/**
 * Why a patch could not be applied, in the terms of the Kubernetes API server: the HTTP code and `Status` reason
 * to answer with, the message the server prints, and optional causes.
 * @see https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/status/
 */
export interface PatchError {
  code: 400 | 413 | 415 | 422;
  reason: 'BadRequest' | 'Invalid' | 'RequestEntityTooLarge' | 'UnsupportedMediaType';
  message: string;
  causes?: PatchCause[];
}

/** The outcome of applying a patch: the patched value, or why it was refused. */
export type PatchResult<T> = Result<T, PatchError>;

/** The generic message of a 422 the API server answers when a patch cannot be applied to the object. */
export const REJECTED_MESSAGE = 'the server rejected our request due to an error in our request';

/** A 400 for a patch body that is not well formed. */
export function badPatch(message: string): PatchError {
  return { code: 400, reason: 'BadRequest', message };
}

/** A 422 for a patch that is well formed but does not apply to the object; `detail` becomes the cause. */
export function unprocessablePatch(detail: string): PatchError {
  return {
    code: 422,
    reason: 'Invalid',
    message: REJECTED_MESSAGE,
    causes: [{ reason: 'UnexpectedServerResponse', message: detail }],
  };
}

/**
 * Thrown inside the patch engines to unwind a deep merge; each public engine catches it and returns a failed
 * {@link PatchResult}, so no engine throws for user input.
 */
export class PatchAbort extends Error {
  constructor(readonly error: PatchError) {
    super(error.causes?.[0]?.message ?? error.message);
    this.name = 'PatchAbort';
  }
}

/** Runs an engine body, turning a {@link PatchAbort} into a failed result. */
export function catchPatchAbort<T>(body: () => T): PatchResult<T> {
  try {
    return { ok: true, value: body() };
  } catch (e) {
    if (e instanceof PatchAbort) return { ok: false, error: e.error };
    throw e;
  }
}
