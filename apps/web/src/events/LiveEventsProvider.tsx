import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import { eventSocketUrl } from './eventSocketUrl.js';
import { type LiveEvents, LiveEventsContext, MAX_LIVE_EVENTS } from './liveEventsContext.js';
import { DASHBOARD_SUBSCRIPTION, parseEventMessage } from './parseEventMessage.js';
import { queriesToRefresh } from './queriesToRefresh.js';

const RECONNECT_MS = 3_000;

/**
 * Keeps one WebSocket to `/api/events` open while signed in (the session cookie authenticates it), subscribes to
 * everything the user may see in batched mode (arrays of events, see {@link DASHBOARD_SUBSCRIPTION}), keeps the
 * latest events, refreshes the affected queries once per message, and reconnects after a drop.
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
        socket?.send(JSON.stringify(DASHBOARD_SUBSCRIPTION));
        setState((s) => ({ ...s, status: 'open' }));
      };
      socket.onmessage = (message) => {
        const events = parseEventMessage(message.data);
        if (events.length === 0) return;
        // Refresh signals of the cluster browser only refresh: listed, they would push out every other event.
        const newestFirst = events.filter((event) => event.event_type !== 'RESOURCES_CHANGED').reverse();
        if (newestFirst.length > 0) {
          setState((s) => ({ ...s, events: [...newestFirst, ...s.events].slice(0, MAX_LIVE_EVENTS) }));
        }
        const routers = new Set(events.flatMap((event) => queriesToRefresh(event.event_type)));
        for (const router of routers) {
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
