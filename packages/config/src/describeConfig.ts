import { maskSecret } from './maskSecret.js';
import type { OpspilotConfig } from './opspilotConfig.js';

function maskTree(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return maskSecret(key, value);
  return Object.fromEntries(
    Object.entries(value).map(([name, inner]) => [name, maskTree(inner, key === '' ? name : `${key}.${name}`)]),
  );
}

/**
 * The effective configuration as it may be shown or logged: `llm.api_key` and `secrets.encryption_key` replaced by
 * `****`, and the password of every URL (database, Redis, NATS) masked. Used by `opspilot config show` and the
 * server's start-up log.
 */
export function describeConfig(config: OpspilotConfig): OpspilotConfig {
  return maskTree(config, '') as OpspilotConfig;
}
