import { readFileSync } from 'node:fs';

/** The `version` of a package.json, checked by hand: this runs at every start, before zod is worth loading. */
function versionOf(packageJson: unknown): string {
  const version = (packageJson as { version?: unknown } | null)?.version;
  if (typeof version !== 'string' || version === '') throw new Error('apps/cli/package.json has no version');
  return version;
}

/** The version of the `opspilot` command, read once from this package's package.json. */
export const CLI_VERSION: string = versionOf(
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')),
);
