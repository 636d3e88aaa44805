import { createContext, useContext } from 'react';
import type { LiveEvent } from './parseEventMessage.js';

/** What the live-event connection offers the pages. */
export interface LiveEvents {
  /** The most recent events, newest first (at most {@link MAX_LIVE_EVENTS}). */
  events: LiveEvent[];
  /** `connecting`, `open`, or `closed` (it reconnects by itself). */
  status: 'connecting' | 'open' | 'closed';
}

/** How many events the dashboard keeps in memory. */
export const MAX_LIVE_EVENTS = 200;

/** The live events of the signed-in session (see `LiveEventsProvider`). */
export const LiveEventsContext = createContext<LiveEvents>({ events: [], status: 'closed' });

/** The live events of the signed-in session. */
export function useLiveEvents(): LiveEvents {
  return useContext(LiveEventsContext);
}
