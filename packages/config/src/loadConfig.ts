import { InputError } from '@opspilot/core';
import type { z } from 'zod';
import { coerceEnvValue } from './coerceEnvValue.js';
import { configKeys } from './configKeys.js';
import { configProblems, formatConfigProblem } from './configProblem.js';
import type { ConfigSetting, Env } from './configSetting.js';
import { OpspilotConfig, OpspilotConfigObject } from './opspilotConfig.js';
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

/** The configuration tree before validation (file, then environment, then flags) and where each key came from. */
interface RawConfig {
  input: Tree;
  sources: Map<string, string>;
  file: { path: string } | undefined;
}

async function readRawConfig(options: LoadConfigOptions): Promise<RawConfig> {
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
  return { input, sources, file };
}

function invalidConfig(issues: readonly z.core.$ZodIssue[], raw: RawConfig): InputError {
  const problems = configProblems(issues, {
    input: raw.input,
    sources: raw.sources,
    fileSource: raw.file ? `file ${raw.file.path}` : undefined,
  });
  return new InputError(problems.map(formatConfigProblem).join('\n'), {
    hint: `Correct ${problems.length === 1 ? 'the value above where it' : 'each value above where it'} came from, then check with \`opspilot config validate\`.`,
    details: { problems, ...(raw.file ? { file: raw.file.path } : {}) },
  });
}

/**
 * Reads the effective configuration: `opspilot.yaml` (or the named file), then `OPSPILOT_*` and conventional
 * environment variables (env wins over the file), then `overrides` from flags, validated by {@link OpspilotConfig}.
 * Fails with one {@link InputError} listing every problem, each naming the key, the value, what was expected and
 * whether it came from the file (with its path), a variable or a flag; `details.problems` holds them as data.
 */
export async function loadConfig(options: LoadConfigOptions): Promise<OpspilotConfig> {
  const raw = await readRawConfig(options);
  const parsed = OpspilotConfig.safeParse(raw.input);
  if (parsed.success) return parsed.data;
  throw invalidConfig(parsed.error.issues, raw);
}

/** A top-level section whose value does not depend on other sections (read alone by {@link loadConfigSection}). */
export type IndependentSection = Exclude<
  keyof typeof OpspilotConfigObject.shape,
  'database' | 'data_dir' | 'events' | 'llm' // defaults or requirements that read other keys
>;

/**
 * Reads one section of the effective configuration (same sources and errors as {@link loadConfig}), validating that
 * section only: a short command that needs, say, `validate:` does not pay for checking every other section.
 * Problems elsewhere in the file are left to the commands that read them and to `opspilot config validate`.
 * @example
 * const rules = await loadConfigSection('validate', { cwd: process.cwd() });
 */
export async function loadConfigSection<S extends IndependentSection>(
  section: S,
  options: LoadConfigOptions,
): Promise<OpspilotConfig[S]> {
  const raw = await readRawConfig(options);
  const parsed = OpspilotConfigObject.shape[section].safeParse(raw.input[section]);
  if (parsed.success) return parsed.data as OpspilotConfig[S];
  throw invalidConfig(
    parsed.error.issues.map((issue) => ({ ...issue, path: [section, ...issue.path] })),
    raw,
  );
}
