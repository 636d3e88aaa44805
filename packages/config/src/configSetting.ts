/**
 * One configuration value that overrides the file: from an environment variable or a command-line flag.
 * @example
 * { key: 'kube.namespace', value: 'payments', source: '--namespace' }
 */
export interface ConfigSetting {
  /** Dotted configuration key, e.g. `server.port`. */
  key: string;
  /** The value, already coerced for the key (strings from flags are coerced by {@link loadConfig}). */
  value: unknown;
  /** Where it came from, named in errors: an environment variable or a flag. */
  source: string;
}

/** Environment variables as `process.env` holds them. */
export type Env = Record<string, string | undefined>;
