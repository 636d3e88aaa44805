import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import { eventSocketUrl } from './eventSocketUrl.js';
import { type LiveEvents, LiveEventsContext, MAX_LIVE_EVENTS } from './liveEventsContext.js';
import { parseEventMessage } from './parseEventMessage.js';
import { queriesToRefresh } from './queriesToRefresh.js';

const RECONNECT_MS = 3_000;

/**
 * Keeps one WebSocket to `/api/events` open while signed in (the session cookie authenticates it), subscribes to
 * everything the user may see, keeps the latest events, refreshes the affected queries, and reconnects after a drop.
 */
export function LiveEventsProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<LiveEvents>({ events: [], status: 'connecting' });

  useEffect(() => {
    let socket: WebSocket | undefined;
    let stopped = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const connect = () => {
      setState((s) => ({ ...s, status: 'connecting' }));
      socket = new WebSocket(eventSocketUrl(window.location));
      socket.onopen = () => {
        socket?.send(JSON.stringify({ client_id: 'dashboard' }));
        setState((s) => ({ ...s, status: 'open' }));
      };
      socket.onmessage = (message) => {
        const event = parseEventMessage(message.data);
        if (!event) return;
        setState((s) => ({ ...s, events: [event, ...s.events].slice(0, MAX_LIVE_EVENTS) }));
        for (const router of queriesToRefresh(event.event_type)) {
          void queryClient.invalidateQueries({ predicate: (q) => JSON.stringify(q.queryKey).includes(`"${router}"`) });
        }
      };
      socket.onclose = () => {
        setState((s) => ({ ...s, status: 'closed' }));
        if (!stopped) retry = setTimeout(connect, RECONNECT_MS);
      };
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(retry);
      socket?.close();
    };
  }, [queryClient]);

  return <LiveEventsContext.Provider value={state}>{children}</LiveEventsContext.Provider>;
}
