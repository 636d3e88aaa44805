/** Kubernetes quantities are parsed by `@opspilot/core`; re-exported for the controllers and admission. */
export { parseQuantity } from '@opspilot/core';
