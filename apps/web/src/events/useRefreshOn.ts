import { useEffect, useRef } from 'react';
import { useLiveEvents } from './liveEventsContext.js';

/**
 * Calls `refresh` when a live event of `eventType` arrives, at most once per `minIntervalMs` (the first at once, the
 * last of a burst when the interval is over), so a page follows a busy stream — OTLP exports arrive many times a
 * second — without refetching on every message. For pages whose query cannot simply be invalidated on every event.
 */
export function useRefreshOn(eventType: string, refresh: () => void, minIntervalMs = 2_000): void {
  const { events } = useLiveEvents();
  const newest = events.find((e) => e.event_type === eventType);
  const marker = newest ? `${newest.event_id ?? ''}|${newest.timestamp}` : undefined;
  const seen = useRef(marker);
  const last = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latestRefresh = useRef(refresh);
  latestRefresh.current = refresh;

  useEffect(() => {
    if (marker === undefined || marker === seen.current) return;
    seen.current = marker;
    if (timer.current !== undefined) return;
    const wait = Math.max(0, last.current + minIntervalMs - Date.now());
    timer.current = setTimeout(() => {
      timer.current = undefined;
      last.current = Date.now();
      latestRefresh.current();
    }, wait);
  }, [marker, minIntervalMs]);

  useEffect(() => () => clearTimeout(timer.current), []);
}
