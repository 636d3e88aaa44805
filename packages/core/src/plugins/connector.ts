import { z } from 'zod';
import { functionField, PluginId, parseDefinition, schemaField } from './parseDefinition.js';

/**
 * Which permissions a configured connector has, by scope name: `true`, or a message saying what is missing
 * (e.g. `{ query: true, rules: 'HTTP 403 on /api/v1/rules: the token lacks read access' }`).
 */
export type ScopeReport = Record<string, true | string>;

/**
 * A connector to an outside system (Prometheus, Alertmanager, Loki, Tempo, Slack, ...): the schema its
 * configuration must satisfy, and a check of what the configured credentials can do, shown when a user adds it.
 */
export interface Connector<C = unknown> {
  id: string;
  description?: string;
  config: z.ZodType<C>;
  checkScopes(config: C, signal?: AbortSignal): Promise<ScopeReport>;
}

const ConnectorDefinition = z.object({
  id: PluginId,
  description: z.string().optional(),
  config: schemaField(),
  checkScopes: functionField(),
});

/**
 * Declares a connector, checking its definition; throws InputError when malformed.
 * @example
 * export const prometheus = defineConnector({
 *   id: 'prometheus',
 *   config: z.object({ url: HttpUrl, bearerToken: z.string().optional() }),
 *   checkScopes: async (config, signal) => ({ query: await canQuery(config, signal) }),
 * });
 */
export function defineConnector<C>(definition: Connector<C>): Connector<C> {
  parseDefinition('connector', ConnectorDefinition, definition);
  return definition;
}
