import { errorCodeOf, exitCodeOf, isOpspilotError } from '@opspilot/core';
import type { ErrorOutput } from './reportError.js';

export { exitCodeOf };

/**
 * The displayable parts of any thrown value. Imported only when a command fails (it loads @opspilot/core), so a
 * start that ends well never pays for it.
 */
export function errorOutputOf(error: unknown): ErrorOutput {
  const message = error instanceof Error ? error.message : String(error);
  const out: ErrorOutput = { error_code: errorCodeOf(error), message };
  if (isOpspilotError(error)) {
    if (error.hint !== undefined) out.hint = error.hint;
    if (error.details !== undefined) out.details = error.details;
  }
  return out;
}
