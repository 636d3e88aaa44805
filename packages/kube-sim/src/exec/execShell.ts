import { type ShellToken, shellWords, UnsupportedShell } from '../controllers/shellWords.js';

type Redirect = { path: string; append: boolean };

/** A simple command with its redirections. Words may hold variable references, expanded when it runs. */
export interface SimpleCommand {
  type: 'simple';
  words: string[];
  /** `>`/`>>` targets of stdout, `2>` of stderr, `<` of stdin; `2>&1` joins stderr to stdout. */
  stdout?: Redirect;
  stderr?: Redirect;
  stdin?: string;
  stderrToStdout?: boolean;
  /** `>&2`: stdout joins stderr. */
  stdoutToStderr?: boolean;
}

/** A command of the subset: simple, `if … then … [elif …] [else …] fi`, `for NAME in …; do … done`, `while`/`until`. */
export type ShellNode =
  | SimpleCommand
  | { type: 'if'; branches: { cond: AndOr[]; body: AndOr[] }[]; otherwise?: AndOr[] }
  | { type: 'for'; name: string; words: string[]; body: AndOr[] }
  | { type: 'while'; until: boolean; cond: AndOr[]; body: AndOr[] };

/** Commands joined by `|`. */
export type Pipeline = ShellNode[];

/** Pipelines joined by `&&` / `||` (`ops[i]` joins `pipelines[i]` and `pipelines[i + 1]`), one per `;` or line. */
export interface AndOr {
  pipelines: Pipeline[];
  ops: ('&&' | '||')[];
}

const REFERENCE = /\uE000([^\uE001]*)\uE001/g;
/** Tokenizes with every `$VAR` kept as a reference, so it is read when the command runs (loops, `export`). */
const DEFERRED = new Proxy({} as Record<string, string>, {
  get: (_, key) => (typeof key === 'string' ? `\uE000${key}\uE001` : undefined),
});

/** A word with its variable references replaced by their values in `env` (unset: empty). */
export function expandWord(word: string, env: Record<string, string>): string {
  return word.replace(REFERENCE, (_, name: string) => env[name] ?? '');
}

const UNSUPPORTED_KEYWORDS = ['case', 'esac', 'select', 'function', '{', '}'];

class Parser {
  private i = 0;
  constructor(private readonly tokens: ShellToken[]) {}

  private word(at = this.i): string | undefined {
    const t = this.tokens[at];
    return t && 'word' in t && !t.quoted ? t.word : undefined;
  }

  private expect(keyword: string): void {
    if (this.word() !== keyword) throw new UnsupportedShell(`a script without its \`${keyword}\``);
    this.i++;
  }

  get done(): boolean {
    return this.i >= this.tokens.length;
  }

  /** Parses lists until an unquoted `until` keyword at the start of a command (or the end). */
  list(until: string[]): AndOr[] {
    const lists: AndOr[] = [];
    let current: AndOr = { pipelines: [], ops: [] };
    let pipeline: Pipeline = [];
    const close = (op?: '&&' | '||') => {
      if (pipeline.length === 0) {
        if (op) throw new UnsupportedShell(`a syntax error near \`${op}\``);
        return;
      }
      current.pipelines.push(pipeline);
      if (op) current.ops.push(op);
      pipeline = [];
    };
    while (!this.done) {
      const token = this.tokens[this.i]!;
      if ('op' in token) {
        if (token.op === ';' || token.op === '\n') {
          close();
          if (current.pipelines.length > 0) lists.push(current);
          current = { pipelines: [], ops: [] };
          this.i++;
          continue;
        }
        if (token.op === '&&' || token.op === '||') {
          close(token.op);
          this.i++;
          continue;
        }
        if (token.op === '|' && pipeline.length > 0) {
          this.i++;
          continue;
        }
        if (token.op === '&') throw new UnsupportedShell('the operator & (background jobs)');
        if (!['>', '>>', '2>', '2>&1', '<'].includes(token.op)) throw new UnsupportedShell(`the operator ${token.op}`);
      }
      const keyword = this.word();
      if (keyword !== undefined && until.includes(keyword)) break;
      pipeline.push(this.command());
    }
    close();
    if (current.pipelines.length > 0) lists.push(current);
    return lists;
  }

  private command(): ShellNode {
    const keyword = this.word();
    if (keyword === 'if') {
      this.i++;
      const branches: { cond: AndOr[]; body: AndOr[] }[] = [];
      let otherwise: AndOr[] | undefined;
      for (;;) {
        const cond = this.list(['then']);
        this.expect('then');
        branches.push({ cond, body: this.list(['elif', 'else', 'fi']) });
        const next = this.word();
        this.i++;
        if (next === 'elif') continue;
        if (next === 'else') {
          otherwise = this.list(['fi']);
          this.expect('fi');
        } else if (next !== 'fi') throw new UnsupportedShell('a script without its `fi`');
        return { type: 'if', branches, ...(otherwise ? { otherwise } : {}) };
      }
    }
    if (keyword === 'for') {
      this.i++;
      const name = this.word();
      if (!name || !/^[A-Za-z_]\w*$/.test(name)) throw new UnsupportedShell('a `for` without a variable name');
      this.i++;
      const words: string[] = [];
      if (this.word() === 'in') {
        this.i++;
        while (!this.done && 'word' in this.tokens[this.i]! && this.word() !== 'do')
          words.push((this.tokens[this.i++] as { word: string }).word);
      }
      while (
        !this.done &&
        'op' in this.tokens[this.i]! &&
        [';', '\n'].includes((this.tokens[this.i] as { op: string }).op)
      )
        this.i++;
      this.expect('do');
      const body = this.list(['done']);
      this.expect('done');
      return { type: 'for', name, words, body };
    }
    if (keyword === 'while' || keyword === 'until') {
      this.i++;
      const cond = this.list(['do']);
      this.expect('do');
      const body = this.list(['done']);
      this.expect('done');
      return { type: 'while', until: keyword === 'until', cond, body };
    }
    if (keyword !== undefined && (UNSUPPORTED_KEYWORDS.includes(keyword) || keyword.endsWith('()')))
      throw new UnsupportedShell(`the keyword ${keyword}`);
    if (keyword !== undefined && ['then', 'elif', 'else', 'fi', 'do', 'done'].includes(keyword))
      throw new UnsupportedShell(`a syntax error near unexpected token \`${keyword}\``);
    const cmd: SimpleCommand = { type: 'simple', words: [] };
    while (!this.done) {
      const token = this.tokens[this.i]!;
      if ('word' in token) {
        cmd.words.push(token.word);
        this.i++;
        continue;
      }
      const target = () => {
        const next = this.tokens[++this.i];
        if (!next || !('word' in next)) throw new UnsupportedShell('a redirection without a file');
        this.i++;
        return next.word;
      };
      const next = this.tokens[this.i + 1];
      const after = this.tokens[this.i + 2];
      if (token.op === '>' && next && 'op' in next && next.op === '&' && after && 'word' in after) {
        // `>&2` (the tokenizer sees `>`, `&`, `2`): stdout to stderr.
        if (after.word !== '2') throw new UnsupportedShell(`the redirection >&${after.word}`);
        cmd.stdoutToStderr = true;
        this.i += 3;
      } else if (token.op === '>' || token.op === '>>') cmd.stdout = { path: target(), append: token.op === '>>' };
      else if (token.op === '2>') cmd.stderr = { path: target(), append: false };
      else if (token.op === '<') cmd.stdin = target();
      else if (token.op === '2>&1') {
        cmd.stderrToStdout = true;
        this.i++;
      } else break;
    }
    if (cmd.words.length === 0) throw new UnsupportedShell('a redirection without a command');
    return cmd;
  }
}

/**
 * Parses a `sh -c` script of the exec subset: simple commands with `;`, newlines, `&&`, `||`, `|`, redirections
 * (`>`, `>>`, `2>`, `2>&1`, `<`), quotes and `$VAR` / `${VAR}` (kept as references, read when the command runs),
 * and `if`/`elif`/`else`, `for NAME in WORDS`, `while`/`until` loops. Anything else (`case`, functions, `$(…)`,
 * backquotes, `&`, subshells) throws UnsupportedShell naming the construct.
 */
export function parseScript(script: string): AndOr[] {
  const parser = new Parser(shellWords(script, DEFERRED));
  const lists = parser.list([]);
  if (!parser.done) throw new UnsupportedShell('a script with a stray keyword');
  return lists;
}
