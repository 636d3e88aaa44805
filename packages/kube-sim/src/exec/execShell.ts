import { type ShellToken, shellWords, UnsupportedShell } from '../controllers/shellWords.js';

/** A simple command with its redirections. */
export interface SimpleCommand {
  words: string[];
  /** `>`/`>>` targets of stdout, `2>` of stderr, `<` of stdin; `2>&1` joins stderr to stdout. */
  stdout?: { path: string; append: boolean };
  stderr?: { path: string; append: boolean };
  stdin?: string;
  stderrToStdout?: boolean;
}

/** Commands joined by `|`. */
export type Pipeline = SimpleCommand[];

/** Pipelines joined by `&&` / `||` (`ops[i]` joins `pipelines[i]` and `pipelines[i + 1]`), one per `;` or line. */
export interface AndOr {
  pipelines: Pipeline[];
  ops: ('&&' | '||')[];
}

const KEYWORDS = ['if', 'then', 'else', 'elif', 'fi', 'for', 'while', 'until', 'do', 'done', 'case', 'esac', '{', '}'];

/**
 * Parses a `sh -c` script of the exec subset: simple commands with `;`, newlines, `&&`, `||`, `|`, redirections
 * (`>`, `>>`, `2>`, `2>&1`, `<`), quotes and `$VAR` / `${VAR}` expansion from `env`. Anything else (`if`, `for`,
 * `while`, `case`, `$(…)`, backquotes, `&`, subshells) throws UnsupportedShell naming the construct.
 */
export function parseScript(script: string, env: Record<string, string>): AndOr[] {
  const tokens = shellWords(script, env);
  const lists: AndOr[] = [];
  let current: AndOr = { pipelines: [], ops: [] };
  let pipeline: Pipeline = [];
  let command: SimpleCommand = { words: [] };
  const endCommand = () => {
    if (command.words.length === 0) {
      if (command.stdout || command.stdin) throw new UnsupportedShell('a redirection without a command');
      return false;
    }
    pipeline.push(command);
    command = { words: [] };
    return true;
  };
  const endPipeline = (op?: '&&' | '||') => {
    const had = endCommand();
    if (!had && pipeline.length > 0) throw new UnsupportedShell('syntax error near unexpected token `|`');
    if (pipeline.length > 0) {
      current.pipelines.push(pipeline);
      if (op) current.ops.push(op);
    } else if (op) throw new UnsupportedShell(`syntax error near unexpected token \`${op}\``);
    pipeline = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const token: ShellToken = tokens[i]!;
    if ('word' in token) {
      if (!token.quoted && command.words.length === 0 && KEYWORDS.includes(token.word))
        throw new UnsupportedShell(`the keyword ${token.word}`);
      command.words.push(token.word);
      continue;
    }
    const target = () => {
      const next = tokens[++i];
      if (!next || !('word' in next)) throw new UnsupportedShell('a redirection without a file');
      return next.word;
    };
    switch (token.op) {
      case ';':
      case '\n':
        endPipeline();
        if (current.pipelines.length > 0) lists.push(current);
        current = { pipelines: [], ops: [] };
        break;
      case '&&':
      case '||':
        endPipeline(token.op);
        break;
      case '|':
        if (!endCommand()) throw new UnsupportedShell('syntax error near unexpected token `|`');
        break;
      case '>':
      case '>>':
        command.stdout = { path: target(), append: token.op === '>>' };
        break;
      case '2>':
        command.stderr = { path: target(), append: false };
        break;
      case '2>&1':
        command.stderrToStdout = true;
        break;
      case '<':
        command.stdin = target();
        break;
      default:
        throw new UnsupportedShell(`the operator ${token.op === '&' ? '& (background jobs)' : token.op}`);
    }
  }
  endPipeline();
  if (current.pipelines.length > 0) lists.push(current);
  return lists;
}
