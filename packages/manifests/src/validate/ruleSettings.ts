import { createRequire } from 'node:module';
import { InputError, type ValidationSeverity } from '@opspilot/core';
import type picomatchType from 'picomatch';
import type { RuleSetting, ValidateSettings } from './types.js';

// Required when globs are configured, not imported: most validations have none and need not load picomatch.
const require = createRequire(import.meta.url);

/** Settings resolved for fast lookup while validating. */
export interface ResolvedSettings {
  /** Whether the file is excluded from validation altogether. */
  fileExcluded(path: string): boolean;
  /** Whether `rule` runs on `path`. */
  enabled(rule: string, path: string): boolean;
  /** The severity to report `rule` with, given its default. */
  severity(rule: string, fallback: ValidationSeverity): ValidationSeverity;
}

const match = (globs: string[] | undefined) =>
  globs && globs.length > 0
    ? (require('picomatch') as typeof picomatchType)(globs, {
        dot: true,
        matchBase: !globs.some((g) => g.includes('/')),
      })
    : undefined;

/**
 * Compiles the `validate:` settings once; throws InputError naming rule ids that do not exist, so a typo in
 * the configuration does not silently leave a rule on.
 */
export function resolveSettings(settings: ValidateSettings | undefined, knownRules: Set<string>): ResolvedSettings {
  const unknown = Object.keys(settings?.rules ?? {}).filter((id) => !knownRules.has(id));
  if (unknown.length > 0) {
    throw new InputError(`validate.rules names unknown rule${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`, {
      hint: 'run `opspilot validate --list-rules` (or see packages/manifests/README.md) for the rule ids',
      details: { unknown },
    });
  }
  const excluded = match(settings?.exclude);
  const rules = new Map<
    string,
    { setting: RuleSetting; include?: (p: string) => boolean; exclude?: (p: string) => boolean }
  >();
  for (const [id, setting] of Object.entries(settings?.rules ?? {})) {
    rules.set(id, { setting, include: match(setting.include), exclude: match(setting.exclude) });
  }
  return {
    fileExcluded: (path) => excluded?.(path) ?? false,
    enabled(rule, path) {
      const r = rules.get(rule);
      if (!r) return true;
      if (r.setting.enabled === false) return false;
      if (r.include && !r.include(path)) return false;
      return !r.exclude?.(path);
    },
    severity: (rule, fallback) => rules.get(rule)?.setting.severity ?? fallback,
  };
}
