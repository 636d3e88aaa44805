/** Test helpers of @opspilot/security: a loopback OCI registry speaking the distribution API. */
export { OciTestRegistry } from '../images/__fixtures__/ociTestRegistry.js';
