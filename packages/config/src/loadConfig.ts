import { InputError } from '@opspilot/core';
import { coerceEnvValue } from './coerceEnvValue.js';
import { configKeys } from './configKeys.js';
import { configProblems, formatConfigProblem } from './configProblem.js';
import type { ConfigSetting, Env } from './configSetting.js';
import { OpspilotConfig } from './opspilotConfig.js';
import { readConfigEnv } from './readConfigEnv.js';
import { readConfigFile } from './readConfigFile.js';

/** Where {@link loadConfig} reads from. */
export interface LoadConfigOptions {
  /** A configuration file to read instead of `./opspilot.yaml` (also `OPSPILOT_CONFIG`); it must exist. */
  file?: string | undefined;
  /** Environment variables; defaults to `process.env`. */
  env?: Env;
  /** Directory the file name and the default `opspilot.yaml` are resolved against. */
  cwd: string;
  /** Values from command-line flags; they win over the environment. String values are coerced like env values. */
  overrides?: readonly ConfigSetting[];
}

type Tree = Record<string, unknown>;

function isTree(value: unknown): value is Tree {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Sets `path` in `tree`; false when a parent exists but is not a mapping (the file's error is then reported). */
function setAt(tree: Tree, path: readonly string[], value: unknown): boolean {
  let current = tree;
  for (const part of path.slice(0, -1)) {
    if (current[part] === undefined) current[part] = {};
    const next = current[part];
    if (!isTree(next)) return false;
    current = next;
  }
  current[path[path.length - 1] as string] = value;
  return true;
}

function coerceOverride(setting: ConfigSetting): ConfigSetting & { path: string[] } {
  const key = configKeys.find((k) => k.key === setting.key);
  if (!key) throw new Error(`loadConfig: unknown override key ${setting.key}`);
  const value = typeof setting.value === 'string' ? coerceEnvValue(setting.value, key.kind) : setting.value;
  return { ...setting, value, path: key.path };
}

/**
 * Reads the effective configuration: `opspilot.yaml` (or the named file), then `OPSPILOT_*` and conventional
 * environment variables (env wins over the file), then `overrides` from flags, validated by {@link OpspilotConfig}.
 * Fails with one {@link InputError} listing every problem, each naming the key, the value, what was expected and
 * whether it came from the file (with its path), a variable or a flag; `details.problems` holds them as data.
 */
export async function loadConfig(options: LoadConfigOptions): Promise<OpspilotConfig> {
  const env = options.env ?? process.env;
  const named = options.file ?? (env.OPSPILOT_CONFIG || undefined);
  const file = await readConfigFile({ file: named, cwd: options.cwd });
  const input: Tree = structuredClone(file?.data ?? {});
  const overrides = (options.overrides ?? []).map(coerceOverride);
  const fileLlm = input.llm;
  const provider =
    overrides.find((o) => o.key === 'llm.provider')?.value ??
    (env.OPSPILOT_LLM_PROVIDER || (isTree(fileLlm) ? fileLlm.provider : undefined));
  const byKey = new Map(configKeys.map((k) => [k.key, k.path]));
  const sources = new Map<string, string>();
  for (const setting of [...readConfigEnv(env, provider), ...overrides]) {
    if (setAt(input, byKey.get(setting.key) ?? [setting.key], setting.value)) sources.set(setting.key, setting.source);
  }
  const parsed = OpspilotConfig.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems = configProblems(parsed.error.issues, {
    input,
    sources,
    fileSource: file ? `file ${file.path}` : undefined,
  });
  throw new InputError(problems.map(formatConfigProblem).join('\n'), {
    hint: `Correct ${problems.length === 1 ? 'the value above where it' : 'each value above where it'} came from, then check with \`opspilot config validate\`.`,
    details: { problems, ...(file ? { file: file.path } : {}) },
  });
}
