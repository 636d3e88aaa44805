import { InputError, type Operation, Plan, planSecretValues, redactOperation } from '@opspilot/core';
import type { SecretBox } from './secretBox.js';

/** Where a stored operation keeps its sealed plan; never returned (it is opened, or the read fails). */
const SEALED = 'sealed_plan';

/** Stores and reads operations whose plans carry Secret values without ever writing a value in clear. */
export interface SealedPlans {
  /**
   * The operation as stored: when its plan carries Secret values, the operation is stored redacted (plan, request,
   * diff, result…) with the original plan sealed beside it.
   */
  seal(operation: Operation): Operation;
  /** The operation as read back: a sealed plan opened again, so that applying it sets the real values. */
  open(operation: Operation): Operation;
}

/**
 * Seals the plans of operations that carry Secret values (`@opspilot/core`'s `planSecretValues`) with the store's
 * {@link SecretBox}: the row holds `redactOperation(operation)` and `details.sealed_plan` the AES-256-GCM sealed
 * original plan, which is all applying needs. As for cluster kubeconfigs, without an encryption key such a plan is
 * neither stored nor read (InputError with a hint); plans without Secret values need no key.
 */
export function sealedPlans(secretBox: SecretBox | undefined): SealedPlans {
  const box = (operation: Operation, doing: string) => {
    if (!secretBox) {
      throw new InputError(
        `no encryption key is configured, so operation ${operation.id}, whose plan carries Secret values, cannot be ${doing}`,
        { hint: 'set secrets.encryption_key (OPSPILOT_SECRETS_ENCRYPTION_KEY) to 32 random bytes in base64' },
      );
    }
    return secretBox;
  };
  return {
    seal(operation) {
      const { [SEALED]: _previous, ...details } = operation.details;
      if (planSecretValues(operation.plan).length === 0) return { ...operation, details };
      const sealed = box(operation, 'stored').seal(JSON.stringify(operation.plan));
      return { ...redactOperation(operation), details: { ...details, [SEALED]: sealed } };
    },
    open(operation) {
      const { [SEALED]: sealed, ...details } = operation.details;
      if (typeof sealed !== 'string') return operation;
      const plan = Plan.parse(JSON.parse(box(operation, 'read').open(sealed)));
      return { ...operation, plan, details };
    },
  };
}
