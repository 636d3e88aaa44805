import { createRequire } from 'node:module';
import type { DockerDoc, DockerInstruction } from '../../docker/dockerDoc.js';
import { type DockerProblem, dockerRule } from '../dockerRule.js';
import { checkStatementNode } from './shellcheckStatements.js';

// mvdan-sh (the GopherJS build of mvdan/sh, the shell parser behind shfmt) is 1.5 MB: required only when a
// Dockerfile has a RUN in shell form, never at start.
const require = createRequire(import.meta.url);

// biome-ignore lint/suspicious/noExplicitAny: mvdan-sh's nodes are untyped GopherJS objects.
type Node = any;
interface ShSyntax {
  NewParser(): { Parse(src: string, name: string): Node };
  Walk(node: Node, visit: (n: Node) => boolean): void;
  NodeType(node: Node): string;
}

let syntax: ShSyntax | undefined;
function sh(): ShSyntax {
  syntax ??= (require('mvdan-sh') as { syntax: ShSyntax }).syntax;
  return syntax;
}

/** Special parameters ShellCheck leaves unquoted without a warning: `$?`, `$#`, `$$`, `$!` and positional digits. */
const SAFE_PARAM = /^([?#$!]|\d)$/;

/** The shell each RUN runs under: /bin/sh unless a SHELL instruction of its stage names bash. */
function bashRuns(doc: DockerDoc): Set<DockerInstruction> {
  const out = new Set<DockerInstruction>();
  for (const s of doc.stages) {
    let bash = false;
    for (const i of s.instructions) {
      if (i.keyword === 'SHELL') bash = /bash|zsh|ksh/.test(i.text);
      if (i.keyword === 'RUN' && bash) out.add(i);
    }
  }
  return out;
}

/**
 * The ShellCheck findings of one RUN body: unquoted expansions in arguments, bashisms under /bin/sh, and the
 * statement checks of shellcheckStatements.ts (cd unguarded, masked exit statuses, useless cat, backticks).
 */
export function shellcheckRun(body: string, bash: boolean): { code: string; message: string }[] {
  const s = sh();
  let file: Node;
  try {
    file = s.NewParser().Parse(body, 'RUN');
  } catch {
    return []; // a body the parser cannot read (a heredoc, BuildKit syntax) is left alone
  }
  const out: { code: string; message: string }[] = [];
  const seen = new Set<string>();
  const add = (code: string, message: string) => {
    if (seen.has(`${code}:${message}`)) return;
    seen.add(`${code}:${message}`);
    out.push({ code, message });
  };
  s.Walk(file, (n: Node) => {
    if (!n) return true;
    checkStatementNode(s, n, bash, add);
    const type = s.NodeType(n);
    if (type === 'CallExpr') {
      const args: Node[] = n.Args ?? [];
      for (const word of args.slice(1)) {
        for (const part of word?.Parts ?? []) {
          const t = s.NodeType(part);
          if (t === 'ParamExp' && !part.Length && !SAFE_PARAM.test(String(part.Param?.Value ?? ''))) {
            add('SC2086', `double-quote $${part.Param?.Value ?? ''} to prevent globbing and word splitting`);
          } else if (t === 'CmdSubst') {
            add('SC2046', 'quote the command substitution to prevent word splitting');
          } else if (t === 'Lit' && !bash && /\{[^{}\s]*(,|\.\.)[^{}\s]*\}/.test(String(part.Value))) {
            // mvdan-sh leaves braces as literal text unless asked to split them: `{a,b}` and `{1..3}` are bash.
            add('SC3009', 'in POSIX sh, brace expansion is undefined');
          }
        }
      }
      const name = args[0]?.Parts?.[0];
      if (!bash && name && s.NodeType(name) === 'Lit' && name.Value === 'source') {
        add('SC3046', 'in POSIX sh, source is undefined: use . (dot)');
      }
    } else if (type === 'TestClause' && !bash) {
      add('SC3010', 'in POSIX sh, [[ ]] is undefined: use [ ] or SHELL ["/bin/bash", "-c"]');
    }
    return true;
  });
  return out;
}

/** Codes reported as warnings (ShellCheck's own level): bashisms under /bin/sh, unguarded cd, masked exit status. */
const WARNING_CODE = /^SC(3\d{3}|2164|2155)$/;

/**
 * The ShellCheck checks hadolint runs on RUN that matter most in Dockerfiles, on a real shell parse (mvdan-sh):
 * unquoted variables (SC2086) and command substitutions (SC2046) in arguments, backticks (SC2006), cd without
 * `|| exit` (SC2164), export of a command substitution (SC2155), useless cat (SC2002), and bash-only syntax under
 * the default /bin/sh ([[ ]] SC3010, source SC3046, brace expansion SC3009, &> SC3020, <<< SC3011, <( ) SC3001,
 * == in [ ] SC3014). Each finding once per RUN.
 * @see https://www.shellcheck.net/wiki/SC2086
 */
export const dockerShellcheck = dockerRule({
  id: 'docker-shellcheck',
  category: 'reliability',
  severity: 'INFO',
  description:
    'RUN commands must pass the common ShellCheck checks (quoting, cd || exit, backticks, bashisms under /bin/sh)',
  fix: 'quote expansions ("$VAR", "$(cmd)"); use POSIX syntax or SHELL ["/bin/bash", "-c"]',
  check: (doc) => {
    const runs = doc.instructions.filter((i) => i.keyword === 'RUN' && !i.json);
    if (runs.length === 0) return [];
    const bash = bashRuns(doc);
    const out: DockerProblem[] = [];
    for (const ins of runs) {
      const body = ins.text.replace(/^(--\S+\s+)+/, '');
      if (/^<</.test(body)) continue;
      for (const f of shellcheckRun(body, bash.has(ins))) {
        out.push({
          message: `${f.code}: ${f.message}`,
          at: ins,
          severity: WARNING_CODE.test(f.code) ? 'WARNING' : 'INFO',
        });
      }
    }
    return out;
  },
});
