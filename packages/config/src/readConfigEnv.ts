import { coerceEnvValue } from './coerceEnvValue.js';
import { configKeys } from './configKeys.js';
import type { ConfigSetting, Env } from './configSetting.js';

/**
 * The configuration values set by environment variables: each key's own `OPSPILOT_<SECTION>_<KEY>` variable, or
 * failing that the first matching conventional alias (`PORT`, `KUBECONFIG`, and the vendor API key of the chosen
 * `provider`). Empty variables count as unset. Values are coerced to the key's type.
 */
export function readConfigEnv(env: Env, provider: unknown): ConfigSetting[] {
  const settings: ConfigSetting[] = [];
  for (const key of configKeys) {
    const candidates = [
      key.env,
      ...key.aliases
        .filter((a) => a.providers === undefined || a.providers.includes(String(provider)))
        .map((a) => a.name),
    ];
    const source = candidates.find((name) => (env[name] ?? '') !== '');
    if (source === undefined) continue;
    settings.push({ key: key.key, value: coerceEnvValue(env[source] as string, key.kind), source });
  }
  return settings;
}
