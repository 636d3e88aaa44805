/**
 * A command independent of the shell it is written for: its arguments (unquoted), an optional document fed on
 * standard input (a manifest for `kubectl apply -f -`), an optional case-insensitive line filter and a comment.
 */
export interface ShellCommand {
  args: string[];
  stdin?: string;
  /** Keep only output lines matching this regular expression, ignoring case. */
  grep?: string;
  comment?: string;
}

/** Commands longer than this are broken over lines, one flag per line. */
export const MAX_LINE = 100;

/** The comment text on one line (a newline in a comment would end it and start a command). */
export function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ');
}

/**
 * Joins quoted arguments, breaking before each flag but `-n` with `continuation` (` \` for bash, `` ` `` for PowerShell)
 * when the single line would be longer than {@link MAX_LINE}.
 */
export function joinArgs(quoted: string[], raw: string[], continuation: string): string {
  const single = quoted.join(' ');
  if (single.length <= MAX_LINE) return single;
  const lines: string[] = [];
  let current: string[] = [];
  quoted.forEach((arg, i) => {
    const flag = raw[i] ?? '';
    if (flag.startsWith('-') && flag !== '-n' && flag !== '-' && current.length > 0) {
      lines.push(current.join(' '));
      current = [];
    }
    current.push(arg);
  });
  lines.push(current.join(' '));
  return lines.join(`${continuation}\n  `);
}
