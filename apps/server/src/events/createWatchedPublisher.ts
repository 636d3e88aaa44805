import { randomUUID } from 'node:crypto';
import type { Clock, EventBus } from '@opspilot/core';

type Published = Parameters<EventBus['publish']>[0];

/** The event one watch yields on a tick, without the id and time the publisher stamps. */
export type WatchedEvent = Omit<Published, 'event_id' | 'timestamp'>;

/** Watches that publish an event every interval while they last (see {@link createWatchedPublisher}). */
export interface WatchedPublisher<W> {
  /** Watches `watched` under `key` until the returned time (`ttlMs` from now); watching the key again extends it. */
  watch(key: string, watched: W): Date;
  /** Stops every watch and the timer. */
  close(): void;
}

/** What {@link createWatchedPublisher} works with. */
export interface WatchedPublisherOptions<W> {
  clock: Clock;
  bus: EventBus;
  /** Milliseconds between ticks. */
  intervalMs: number;
  /** How long one `watch` lasts. */
  ttlMs: number;
  /** Watches kept at most; the oldest is dropped for a new one. */
  maxWatches: number;
  /** The event of one watch at `now`, or undefined to publish nothing this time. */
  read(watched: W, now: Date): Promise<WatchedEvent | undefined>;
  /** Told when reading or publishing one watch fails (the others go on). */
  onError?(error: unknown): void;
}

/**
 * The loop behind live updates of what a page is looking at (`METRIC_UPDATE`, `GPU_UPDATE`): while a watch lasts,
 * every `intervalMs` (and once at once) its `read` is published on the bus, stamped with an id and the clock's time.
 * The timer runs only while something is watched and never keeps the process alive; ticks never overlap.
 */
export function createWatchedPublisher<W>(options: WatchedPublisherOptions<W>): WatchedPublisher<W> {
  const watches = new Map<string, { watched: W; until: number }>();
  let timer: NodeJS.Timeout | undefined;
  let busy = false;

  const stop = () => {
    clearInterval(timer);
    timer = undefined;
  };

  async function tick() {
    if (busy) return;
    busy = true;
    try {
      const now = options.clock.now();
      for (const [key, w] of watches) {
        if (w.until < now.getTime()) {
          watches.delete(key);
          continue;
        }
        try {
          const event = await options.read(w.watched, now);
          if (event) {
            await options.bus.publish({ ...event, event_id: randomUUID(), timestamp: now.toISOString() } as Published);
          }
        } catch (error) {
          options.onError?.(error);
        }
      }
      if (watches.size === 0) stop();
    } finally {
      busy = false;
    }
  }

  return {
    watch(key, watched) {
      const until = options.clock.now().getTime() + options.ttlMs;
      watches.delete(key);
      watches.set(key, { watched, until });
      while (watches.size > options.maxWatches) watches.delete(watches.keys().next().value as string);
      if (!timer) {
        timer = setInterval(() => void tick(), options.intervalMs);
        timer.unref();
        void tick();
      }
      return new Date(until);
    },
    close() {
      stop();
      watches.clear();
    },
  };
}
