/** The standard streams of one program run by exec: its input, and where its output goes. */
export interface Io {
  stdin: string;
  out(text: string): void;
  err(text: string): void;
}

const lines = (text: string) => (text === '' ? [] : text.replace(/\n$/, '').split('\n'));
const joined = (items: string[]) => (items.length ? `${items.join('\n')}\n` : '');

/** `echo [-n] [-e] …` */
export function echo(args: string[], io: Io): number {
  let newline = true;
  let escapes = false;
  let i = 0;
  for (; i < args.length && /^-[neE]+$/.test(args[i]!); i++) {
    if (args[i]!.includes('n')) newline = false;
    if (args[i]!.includes('e')) escapes = true;
  }
  let text = args.slice(i).join(' ');
  if (escapes) text = text.replace(/\\n/g, '\n').replace(/\\t/g, '\t');
  io.out(newline ? `${text}\n` : text);
  return 0;
}

/** `printf FORMAT [ARG…]` with `%s`, `%d`, `%%`, `\n`, `\t`, the format reused while arguments remain. */
export function printf(args: string[], io: Io): number {
  const [format = '', ...rest] = args;
  let text = '';
  let k = 0;
  do {
    text += format
      .replace(/%([sd%])/g, (_, c: string) => (c === '%' ? '%' : (rest[k++] ?? (c === 'd' ? '0' : ''))))
      .replace(/\\n/g, '\n')
      .replace(/\\t/g, '\t');
  } while (k < rest.length && format.includes('%'));
  io.out(text);
  return 0;
}

/** `grep [-i] [-v] [-c] [-q] [-n] [-E] [-F] [-w] [-e PATTERN] PATTERN [FILE…]` over stdin or the files `read` gives. */
export function grep(
  args: string[],
  io: Io,
  read: (files: string[]) => { name: string; text: string }[] | undefined,
): number {
  const flags = new Set<string>();
  let pattern: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-e') pattern = args[++i];
    else if (/^-[a-zA-Z]+$/.test(a)) for (const f of a.slice(1)) flags.add(f);
    else if (pattern === undefined) pattern = a;
    else files.push(a);
  }
  if (pattern === undefined) {
    io.err('Usage: grep [OPTION]... PATTERNS [FILE]...\n');
    return 2;
  }
  let source = flags.has('F') ? pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : pattern;
  if (!flags.has('E') && !flags.has('F')) source = source.replace(/\\([|()+?{}])/g, '$1');
  if (flags.has('w')) source = `\\b(?:${source})\\b`;
  let regex: RegExp;
  try {
    regex = new RegExp(source, flags.has('i') ? 'i' : '');
  } catch {
    io.err(`grep: Invalid regular expression\n`);
    return 2;
  }
  const inputs = files.length > 0 ? read(files) : [{ name: '(standard input)', text: io.stdin }];
  if (!inputs) return 2;
  const sources = inputs;
  let count = 0;
  for (const { name, text } of sources) {
    let own = 0;
    lines(text).forEach((line, n) => {
      if (regex.test(line) === flags.has('v')) return;
      own++;
      if (flags.has('q') || flags.has('c')) return;
      const prefix = (sources.length > 1 ? `${name}:` : '') + (flags.has('n') ? `${n + 1}:` : '');
      io.out(`${prefix}${line}\n`);
    });
    if (flags.has('c')) io.out(`${sources.length > 1 ? `${name}:` : ''}${own}\n`);
    count += own;
  }
  return count > 0 ? 0 : 1;
}

function countOption(args: string[], fallback: number): { n: number; rest: string[] } {
  let n = fallback;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-n') n = Number(args[++i] ?? fallback);
    else if (/^-n\d+$/.test(a)) n = Number(a.slice(2));
    else if (/^-\d+$/.test(a)) n = Number(a.slice(1));
    else rest.push(a);
  }
  return { n, rest };
}

/** `head [-n N] [-N]` and `tail [-n N] [-N]` of a text. */
export function headTail(name: 'head' | 'tail', args: string[], text: string, io: Io): number {
  const { n } = countOption(args, 10);
  const all = lines(text);
  io.out(joined(name === 'head' ? all.slice(0, n) : all.slice(Math.max(0, all.length - n))));
  return 0;
}

/** The non-option arguments of `head`/`tail`/`wc`/`sort` (their files). */
export function fileArgs(args: string[]): string[] {
  return countOption(args, 10).rest.filter((a) => !a.startsWith('-'));
}

/** `wc [-l] [-w] [-c]` of a text. */
export function wc(args: string[], text: string, io: Io): number {
  const flags = args.filter((a) => a.startsWith('-')).join('');
  const counts = {
    l: (text.match(/\n/g) ?? []).length,
    w: text.split(/\s+/).filter(Boolean).length,
    c: Buffer.byteLength(text),
  };
  const wanted = (['l', 'w', 'c'] as const).filter((f) => flags.includes(f));
  const shown = (wanted.length ? wanted : (['l', 'w', 'c'] as const)).map((f) => counts[f]);
  io.out(`${shown.join(' ')}\n`);
  return 0;
}

/** `sort [-r] [-n] [-u]` of a text. */
export function sort(args: string[], text: string, io: Io): number {
  const flags = args.filter((a) => a.startsWith('-')).join('');
  let all = lines(text);
  all = flags.includes('n') ? all.sort((a, b) => Number.parseFloat(a) - Number.parseFloat(b)) : all.sort();
  if (flags.includes('r')) all.reverse();
  if (flags.includes('u')) all = [...new Set(all)];
  io.out(joined(all));
  return 0;
}
