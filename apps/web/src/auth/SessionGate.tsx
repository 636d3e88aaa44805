import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { isUnauthenticated } from '../api/errorText.js';
import { type ApiOutputs, useTRPC } from '../api/trpc.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { LoginPage } from './LoginPage.js';
import { SessionContext } from './sessionContext.js';

/** Shows the sign-in form until `auth.session` answers, then the dashboard with the session in context. */
export function SessionGate({ children }: { children: ReactNode }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const session = useQuery(trpc.auth.session.queryOptions(undefined, { retry: false }));
  if (session.isPending) return <p className="p-6">Loading…</p>;
  if (session.error) {
    if (isUnauthenticated(session.error)) {
      return <LoginPage onSignedIn={() => void queryClient.resetQueries()} />;
    }
    return (
      <main className="p-6">
        <ErrorNotice error={session.error} />
      </main>
    );
  }
  const value: ApiOutputs['auth']['session'] = session.data;
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
