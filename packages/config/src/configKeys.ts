import type { z } from 'zod';
import { OpspilotConfigObject } from './opspilotConfig.js';

/** How a value read from an environment variable is coerced before validation. */
export type ConfigValueKind = 'string' | 'number' | 'boolean';

/** One leaf key of the configuration and how the environment reaches it. */
export interface ConfigKey {
  /** Dotted key, e.g. `server.port` or `data_dir`. */
  key: string;
  /** The same key as a path, e.g. `['server', 'port']`. */
  path: string[];
  /** Its own environment variable, e.g. `OPSPILOT_SERVER_PORT`; it wins over every alias. */
  env: string;
  /** Conventional variables that also set the key, lower precedence than {@link ConfigKey.env}. */
  aliases: EnvAlias[];
  /** How an environment string is coerced for this key. */
  kind: ConfigValueKind;
}

/** A conventional environment variable that also sets a key, e.g. `PORT` for `server.port`. */
export interface EnvAlias {
  /** The variable name. */
  name: string;
  /** When set, the alias applies only while `llm.provider` is one of these (API keys are per vendor). */
  providers?: string[];
}

const ALIASES: Record<string, EnvAlias[]> = {
  'server.port': [{ name: 'PORT' }],
  'kube.kubeconfig': [{ name: 'KUBECONFIG' }],
  'incidents.webhooks': [{ name: 'OPSPILOT_INCIDENT_WEBHOOKS' }],
  'llm.api_key': [
    { name: 'OPENAI_API_KEY', providers: ['openai', 'openai-compatible'] },
    { name: 'ANTHROPIC_API_KEY', providers: ['anthropic'] },
  ],
};

type AnySchema = z.core.$ZodType;

function unwrap(schema: AnySchema): AnySchema {
  let current = schema;
  for (;;) {
    const def = current._zod.def as { type: string; innerType?: AnySchema; in?: AnySchema };
    if (def.innerType && ['default', 'prefault', 'optional', 'nullable'].includes(def.type)) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else return current;
  }
}

function kindOf(schema: AnySchema): ConfigValueKind {
  const type = unwrap(schema)._zod.def.type;
  return type === 'number' || type === 'int' ? 'number' : type === 'boolean' ? 'boolean' : 'string';
}

function shapeOf(schema: AnySchema): Record<string, AnySchema> | undefined {
  const def = unwrap(schema)._zod.def as { type: string; shape?: Record<string, AnySchema> };
  return def.type === 'object' ? def.shape : undefined;
}

function buildKeys(): ConfigKey[] {
  const keys: ConfigKey[] = [];
  const add = (path: string[], schema: AnySchema) => {
    const key = path.join('.');
    const env = `OPSPILOT_${path.join('_').toUpperCase()}`;
    keys.push({ key, path, env, aliases: ALIASES[key] ?? [], kind: kindOf(schema) });
  };
  for (const [name, schema] of Object.entries(OpspilotConfigObject.shape)) {
    const section = shapeOf(schema);
    if (!section) add([name], schema);
    else for (const [key, leaf] of Object.entries(section)) add([name, key], leaf);
  }
  return keys;
}

/**
 * Every leaf key of {@link OpspilotConfig}, derived from the schema so a new key gets its `OPSPILOT_<SECTION>_<KEY>`
 * variable without further wiring. Used by the loader, the CLI and the README check.
 */
export const configKeys: readonly ConfigKey[] = buildKeys();

/** The known keys directly under `section` (`''` for the top level), for "expected one of" messages. */
export function knownKeysUnder(section: string): string[] {
  const depth = section === '' ? 0 : section.split('.').length;
  const names = configKeys
    .filter((k) => depth === 0 || k.key.startsWith(`${section}.`))
    .map((k) => k.path[depth])
    .filter((n): n is string => n !== undefined);
  return [...new Set(names)];
}
