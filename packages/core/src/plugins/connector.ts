import { z } from 'zod';
import { PluginId, parseDefinition } from './pluginId.js';

/** A connector to an outside system (Prometheus, Loki, Slack, ...), with its configuration schema. */
export interface Connector<C = unknown> {
  id: string;
  config: z.ZodType<C>;
  /** Which scopes it has: `true`, or a message saying what is missing. */
  checkScopes(): Promise<Record<string, true | string>>;
}

const ConnectorDefinition = z.object({
  id: PluginId,
  config: z.custom<z.ZodType>((v) => v instanceof z.ZodType, 'must be a zod schema'),
  checkScopes: z.custom<(...args: unknown[]) => unknown>((v) => typeof v === 'function', 'must be a function'),
});

/**
 * Declares a connector, checking its definition.
 * @example
 * export const prometheus = defineConnector({
 *   id: 'prometheus', config: z.object({ url: z.url() }), checkScopes: async () => ({ query: true }),
 * });
 */
export function defineConnector<C>(definition: Connector<C>): Connector<C> {
  parseDefinition('connector', ConnectorDefinition, definition);
  return definition;
}
