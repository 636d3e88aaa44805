/** Kubernetes quantities are parsed by `@opspilot/core`; re-exported for the rules of this package. */
export { parseQuantity } from '@opspilot/core';
