import { joinArgs, oneLine, type ShellCommand } from './shellCommand.js';

const SAFE = /^[A-Za-z0-9_\-./:=,@%+]+$/;

/** One argument for bash: bare when safe, else single-quoted with each `'` written as `'\''`. */
export function quoteBash(arg: string): string {
  if (arg !== '' && SAFE.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

function delimiterFor(doc: string): string {
  const lines = new Set(doc.split('\n'));
  let delimiter = 'EOF';
  for (let i = 1; lines.has(delimiter); i++) delimiter = `EOF_${i}`;
  return delimiter;
}

/**
 * A command as bash (and sh, zsh) runs it: arguments quoted, long commands continued with ` \`, a document on stdin as
 * a quoted here-document (`<<'EOF'`, so nothing in it is expanded), a filter as `| grep -iE '…'`.
 */
export function renderBash(command: ShellCommand): string {
  const body = joinArgs(command.args.map(quoteBash), command.args, ' \\');
  const grep = command.grep ? ` | grep -iE ${quoteBash(command.grep)}` : '';
  const comment = command.comment ? `# ${oneLine(command.comment)}\n` : '';
  if (command.stdin === undefined) return `${comment}${body}${grep}`;
  const doc = command.stdin.replace(/\n$/, '');
  const delimiter = delimiterFor(doc);
  return `${comment}${body}${grep} <<'${delimiter}'\n${doc}\n${delimiter}`;
}
