import { Event, type EventBus } from '@opspilot/core';
import { type BusLogger, createLocalDispatcher } from './localDispatcher.js';

/**
 * The in-process event bus (the default, `events.bus: memory`): events reach the subscribers of this process only,
 * synchronously and in publish order. Enough for one server; use Redis or NATS for several replicas.
 */
export function createMemoryEventBus(options: { logger?: BusLogger } = {}): EventBus {
  const dispatcher = createLocalDispatcher(options.logger);
  return {
    async publish(event) {
      dispatcher.dispatch(Event.parse(event));
    },
    subscribe: (filter, handler) => dispatcher.subscribe(filter, handler),
    async close() {
      dispatcher.clear();
    },
  };
}
