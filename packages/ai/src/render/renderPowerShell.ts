import { joinArgs, oneLine, type ShellCommand } from './shellCommand.js';

const SAFE = /^[A-Za-z0-9_\-./:=]+$/;
const FLAG = /^--?[A-Za-z0-9][A-Za-z0-9-]*(=[A-Za-z0-9_./:=-]*)?$/;

/**
 * One argument for PowerShell: bare when safe, else single-quoted (a verbatim string) with each `'` doubled to `''`.
 * Commas, `@`, `$`, `` ` ``, braces and spaces are all quoted (PowerShell would read them as operators).
 */
export function quotePowerShell(arg: string): string {
  if (arg === '-' || FLAG.test(arg) || (SAFE.test(arg) && !arg.startsWith('-'))) return arg;
  return `'${arg.replace(/['\u2018\u2019\u201A\u201B]/g, "''")}'`;
}

/**
 * A command as PowerShell 7.3+ runs it: arguments quoted, long commands continued with a backtick, a document on
 * stdin as a verbatim here-string `@'…'@` piped to the command, a filter as `| Select-String -Pattern '…'`.
 * A document with a line starting `'@` (which would end the here-string) is sent as JSON, which never has one.
 */
export function renderPowerShell(command: ShellCommand, asJson?: () => string): string {
  const body = joinArgs(command.args.map(quotePowerShell), command.args, ' `');
  const grep = command.grep ? ` | Select-String -Pattern ${quotePowerShell(command.grep)}` : '';
  const comment = command.comment ? `# ${oneLine(command.comment)}\n` : '';
  if (command.stdin === undefined) return `${comment}${body}${grep}`;
  let doc = command.stdin.replace(/\n$/, '');
  if (/^'@/m.test(doc) && asJson) doc = asJson();
  return `${comment}@'\n${doc}\n'@ | ${body}${grep}`;
}
