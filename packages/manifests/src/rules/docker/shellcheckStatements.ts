// biome-ignore lint/suspicious/noExplicitAny: mvdan-sh's nodes are untyped GopherJS objects.
type Node = any;

/** The parts of mvdan-sh the statement checks use. */
export interface ShParser {
  NewParser(): { Parse(src: string, name: string): Node };
  NodeType(node: Node): string;
}

/** One ShellCheck finding: its code and message. */
export type Report = (code: string, message: string) => void;

/** The operator tokens of mvdan-sh (numbers that differ between its versions), read from parses of samples. */
interface Ops {
  and: number;
  or: number;
  pipe: number;
  redirectAll: number;
  appendAll: number;
  hereString: number;
}
let ops: Ops | undefined;
function opsOf(sh: ShParser): Ops {
  if (ops) return ops;
  const first = (src: string) => sh.NewParser().Parse(src, 'ops').Stmts[0];
  const binary = (src: string) => Number(first(src).Cmd.Op);
  const redirect = (src: string) => Number(first(src).Redirs[0].Op);
  ops = {
    and: binary('a && b'),
    or: binary('a || b'),
    pipe: binary('a | b'),
    redirectAll: redirect('a &> b'),
    appendAll: redirect('a &>> b'),
    hereString: redirect('a <<< b'),
  };
  return ops;
}

/** The literal text of a word made of plain literals only (`cd`, `/app`), else undefined. */
export function literal(sh: ShParser, word: Node): string | undefined {
  const parts: Node[] = word?.Parts ?? [];
  if (parts.length === 0 || parts.some((p) => sh.NodeType(p) !== 'Lit')) return undefined;
  return parts.map((p) => String(p.Value)).join('');
}

/** The command name of a statement that is a simple command. */
function commandName(sh: ShParser, stmt: Node): string | undefined {
  const cmd = stmt?.Cmd;
  return cmd && sh.NodeType(cmd) === 'CallExpr' ? literal(sh, cmd.Args?.[0]) : undefined;
}

/** Whether a word holds a command substitution, in double quotes too. */
function hasCmdSubst(sh: ShParser, parts: Node[] | undefined): boolean {
  return (parts ?? []).some((p) => {
    const t = sh.NodeType(p);
    return t === 'CmdSubst' || (t === 'DblQuoted' && hasCmdSubst(sh, p.Parts));
  });
}

/**
 * The statement-level checks of one parsed node: `cd` whose failure nothing handles before the next command
 * (SC2164), `export`/`local`/`readonly` of a command substitution, which hides its exit status (SC2155), a `cat` of
 * one file into a pipe (SC2002), backticks (SC2006), and the bash-only redirections and tests under /bin/sh: `&>`
 * (SC3020), here-strings (SC3011), process substitution (SC3001), `==` in `[ ]` (SC3014).
 * @see https://www.shellcheck.net/wiki/SC2164
 */
export function checkStatementNode(sh: ShParser, n: Node, bash: boolean, report: Report): void {
  const type = sh.NodeType(n);
  const o = opsOf(sh);
  if (type === 'File' || type === 'Block' || type === 'Subshell') {
    const stmts: Node[] = n.Stmts ?? [];
    for (const stmt of stmts.slice(0, -1)) {
      // The last command of an `a && cd x` chain runs unguarded too; `cd x || exit` and `cd x && …` are handled.
      let last = stmt;
      while (last?.Cmd && sh.NodeType(last.Cmd) === 'BinaryCmd' && Number(last.Cmd.Op) === o.and) last = last.Cmd.Y;
      if (commandName(sh, last) === 'cd') report('SC2164', "use 'cd … || exit' (or &&) in case cd fails");
    }
  } else if (type === 'DeclClause') {
    const variant = String(n.Variant?.Value ?? '');
    if (/^(export|local|declare|typeset|readonly)$/.test(variant)) {
      for (const a of n.Args ?? []) {
        if (hasCmdSubst(sh, a?.Value?.Parts)) {
          report(
            'SC2155',
            `declare and assign separately to avoid masking return values (${variant} ${a.Name?.Value}=$(…))`,
          );
        }
      }
    }
  } else if (type === 'BinaryCmd' && Number(n.Op) === o.pipe) {
    const cat = n.X?.Cmd;
    const args: Node[] = cat && sh.NodeType(cat) === 'CallExpr' ? (cat.Args ?? []) : [];
    const file = args.length === 2 ? literal(sh, args[1]) : undefined;
    if (literal(sh, args[0]) === 'cat' && file !== undefined && !file.startsWith('-')) {
      report('SC2002', `useless cat: give ${file} to the command (cmd < ${file})`);
    }
  } else if (type === 'CmdSubst' && n.Backquotes) {
    report('SC2006', 'use $(…) instead of legacy backticks `…`');
  } else if (!bash && type === 'Redirect') {
    const op = Number(n.Op);
    if (op === o.redirectAll || op === o.appendAll) report('SC3020', 'in POSIX sh, &> is undefined: use >file 2>&1');
    else if (op === o.hereString) report('SC3011', 'in POSIX sh, here-strings (<<<) are undefined');
  } else if (!bash && type === 'ProcSubst') {
    report('SC3001', 'in POSIX sh, process substitution <(…) is undefined');
  } else if (!bash && type === 'CallExpr') {
    const args: Node[] = n.Args ?? [];
    const name = literal(sh, args[0]);
    if ((name === '[' || name === 'test') && args.slice(1).some((w) => literal(sh, w) === '==')) {
      report('SC3014', 'in POSIX sh, == in [ ] is undefined: use =');
    }
  }
}
