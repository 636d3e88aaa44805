/** A token of the shell subset: a word (after quote removal and `$VAR` expansion) or an operator. */
export type ShellToken = { word: string; quoted: boolean } | { op: string };

/** Thrown for shell syntax outside the subset the simulated kubelet interprets. */
export class UnsupportedShell extends Error {}

const OPERATORS = ['&&', '||', '>>', '2>&1', '2>', '>', '<', ';', '|', '&', '\n', '(', ')'];

/**
 * Splits a POSIX shell script into words and operators: single and double quotes, backslash escapes, `#` comments,
 * `$VAR` and `${VAR}` expansion from `env` (unset: empty), and the operators `;`, `&&`, `||`, `|`, `&`, newlines
 * and redirections. Command substitution (`$(…)`, backquotes), arithmetic and other expansions throw
 * UnsupportedShell.
 */
export function shellWords(script: string, env: Record<string, string> = {}): ShellToken[] {
  const tokens: ShellToken[] = [];
  let word = '';
  let inWord = false;
  let quoted = false;
  const flush = () => {
    if (inWord) tokens.push({ word, quoted });
    word = '';
    inWord = false;
    quoted = false;
  };
  const expand = (i: number): [string, number] => {
    const rest = script.slice(i + 1);
    if (rest.startsWith('(') || rest.startsWith('((')) throw new UnsupportedShell('command substitution');
    const braced = rest.match(/^\{([A-Za-z_]\w*)\}/);
    if (braced) return [env[braced[1]!] ?? '', i + braced[0].length];
    if (rest.startsWith('{')) throw new UnsupportedShell('parameter expansion');
    const plain = rest.match(/^([A-Za-z_]\w*|[?$#0-9])/);
    if (!plain) return ['$', i];
    return [env[plain[1]!] ?? '', i + plain[0].length];
  };
  for (let i = 0; i < script.length; i++) {
    const ch = script[i]!;
    if (ch === '`') throw new UnsupportedShell('command substitution');
    if (ch === "'") {
      const end = script.indexOf("'", i + 1);
      if (end < 0) throw new UnsupportedShell('unterminated quote');
      word += script.slice(i + 1, end);
      inWord = quoted = true;
      i = end;
      continue;
    }
    if (ch === '"') {
      inWord = quoted = true;
      for (i++; i < script.length && script[i] !== '"'; i++) {
        const c = script[i]!;
        if (c === '`') throw new UnsupportedShell('command substitution');
        if (c === '\\' && '"\\$`\n'.includes(script[i + 1] ?? '')) word += script[++i];
        else if (c === '$') {
          const [value, next] = expand(i);
          word += value;
          i = next;
        } else word += c;
      }
      if (i >= script.length) throw new UnsupportedShell('unterminated quote');
      continue;
    }
    if (ch === '\\') {
      if (script[i + 1] !== '\n') word += script[i + 1] ?? '';
      inWord = true;
      i++;
      continue;
    }
    if (ch === '$') {
      const [value, next] = expand(i);
      word += value;
      inWord = true;
      i = next;
      continue;
    }
    if (ch === '#' && !inWord) {
      while (i + 1 < script.length && script[i + 1] !== '\n') i++;
      continue;
    }
    const op = OPERATORS.find((o) => script.startsWith(o, i));
    if (op && !(op.startsWith('2') && inWord)) {
      flush();
      tokens.push({ op });
      i += op.length - 1;
      continue;
    }
    if (ch === ' ' || ch === '\t') {
      flush();
      continue;
    }
    word += ch;
    inWord = true;
  }
  flush();
  return tokens;
}
