/**
 * @opspilot/bus — implementations of core's `EventBus` port: in-process (default), Redis pub/sub and NATS
 * JetStream, chosen by `events.bus` through {@link createEventBus}.
 */
export { createEventBus, type EventBusSettings } from './createEventBus.js';
export { type BusLogger, createLocalDispatcher, type LocalDispatcher } from './localDispatcher.js';
export { createMemoryEventBus } from './memoryEventBus.js';
export { createNatsEventBus, type NatsEventBusOptions } from './natsEventBus.js';
export { createRedisEventBus, type RedisEventBusOptions } from './redisEventBus.js';
