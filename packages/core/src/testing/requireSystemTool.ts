import { statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { NotFoundError } from '../errors/index.js';

/**
 * The programs tests run that npm cannot install, with the Debian package that brings each (all of them are listed
 * in `.ci/apt-packages`, which `.ci/run` installs) and the names the package installs them under.
 */
export const SYSTEM_TOOLS = {
  promtool: { debianPackage: 'prometheus', commands: ['promtool'] },
  prometheus: { debianPackage: 'prometheus', commands: ['prometheus'] },
  alertmanager: { debianPackage: 'prometheus-alertmanager', commands: ['prometheus-alertmanager', 'alertmanager'] },
  amtool: { debianPackage: 'prometheus-alertmanager', commands: ['amtool'] },
  chromium: { debianPackage: 'chromium', commands: ['chromium', 'chromium-browser'] },
} as const;

/** A program of {@link SYSTEM_TOOLS}. */
export type SystemTool = keyof typeof SYSTEM_TOOLS;

/** A file someone may run (a directory named like the tool does not count). */
function executable(path: string): boolean {
  const stat = statSync(path, { throwIfNoEntry: false });
  return stat?.isFile() === true && (stat.mode & 0o111) !== 0;
}

/**
 * Where `tool` is: the file named by `<TOOL>_PATH` (e.g. `CHROMIUM_PATH`) when set, else the first of its commands on
 * `PATH`; undefined when it is not installed. For tests that skip, outside CI, what they cannot run.
 */
export function findSystemTool(tool: SystemTool, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const override = env[`${tool.toUpperCase()}_PATH`];
  if (override) return executable(override) ? override : undefined;
  const dirs = (env.PATH ?? '').split(delimiter).filter((dir) => dir !== '');
  for (const command of SYSTEM_TOOLS[tool].commands) {
    for (const dir of dirs) if (executable(join(dir, command))) return join(dir, command);
  }
  return undefined;
}

/**
 * Where `tool` is ({@link findSystemTool}), or a one-line {@link NotFoundError} naming the Debian package to install,
 * e.g. "promtool not found: install the Debian package `prometheus` (apt-get install prometheus)".
 * @example execFileSync(requireSystemTool('promtool'), ['check', 'metrics'], { input })
 */
export function requireSystemTool(tool: SystemTool, env: NodeJS.ProcessEnv = process.env): string {
  const found = findSystemTool(tool, env);
  if (found) return found;
  const pkg = SYSTEM_TOOLS[tool].debianPackage;
  const override = `${tool.toUpperCase()}_PATH`;
  const where = env[override] ? ` at ${override}=${env[override]}` : '';
  throw new NotFoundError(`${tool} not found${where}: install the Debian package \`${pkg}\` (apt-get install ${pkg})`, {
    hint: `Run \`apt-get install ${pkg}\`, or \`bash .ci/run\`, which installs every package of .ci/apt-packages.`,
  });
}
