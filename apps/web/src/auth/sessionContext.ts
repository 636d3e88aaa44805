import { createContext, useContext } from 'react';
import type { ApiOutputs } from '../api/trpc.js';

/** The signed-in session (`auth.session`). */
export type Session = ApiOutputs['auth']['session'];

/** Set by `SessionGate` once signed in. */
export const SessionContext = createContext<Session | undefined>(undefined);

/** The signed-in session; only used below `SessionGate`. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionGate');
  return session;
}
