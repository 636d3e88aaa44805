import type { AppRouter } from '@opspilot/server';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import { csrfHeaders } from './csrfHeaders.js';

/** The React bindings of the API: `TRPCProvider` at the root, `useTRPC()` in components. */
export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

/** What each procedure returns. */
export type ApiOutputs = inferRouterOutputs<AppRouter>;
/** What each procedure takes. */
export type ApiInputs = inferRouterInputs<AppRouter>;

/**
 * The typed client of the server's tRPC API on the page's own origin (`/api/trpc`); the session cookie travels by
 * itself and every call carries the CSRF header.
 */
export function createApiClient(baseUrl = '') {
  return createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: `${baseUrl}/api/trpc`, headers: () => csrfHeaders(document.cookie) })],
  });
}
