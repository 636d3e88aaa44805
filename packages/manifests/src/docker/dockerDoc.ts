import { createRequire } from 'node:module';
import type { Instruction } from 'dockerfile-ast';

// Required when a Dockerfile is parsed, not imported: dockerfile-ast (and the language-server types it loads) would
// cost every validation, of YAML too, ~15 ms at start.
const require = createRequire(import.meta.url);

/** One Dockerfile instruction, simplified for rules. */
export interface DockerInstruction {
  /** Upper-case keyword: `FROM`, `RUN`, ... */
  keyword: string;
  /** Arguments with line continuations joined, flags included. */
  text: string;
  /** Arguments split into words (flags excluded for instructions that take flags). */
  args: string[];
  /** Flags such as `--from=build` by name. */
  flags: Map<string, string | null>;
  /** 1-based position of the instruction. */
  line: number;
  column: number;
  /** Whether the arguments are in exec (JSON array) form. */
  json: boolean;
  /** Index of the build stage it belongs to (-1 before the first FROM). */
  stage: number;
}

/** One build stage: its FROM and instructions. */
export interface DockerStage {
  index: number;
  from: DockerInstruction;
  image: string;
  /** The stage name after `AS`, lower-cased. */
  name?: string;
  instructions: DockerInstruction[];
}

/** A parsed Dockerfile as the Dockerfile rules see it. */
export interface DockerDoc {
  text: string;
  instructions: DockerInstruction[];
  stages: DockerStage[];
  /** Rule ids ignored for the instruction on a line (`# opspilot-ignore a,b` right above it). */
  ignoredAt: Map<number, Set<string>>;
  /** Rule ids ignored for the whole file (`# opspilot-ignore-file a,b`). */
  ignoredInFile: Set<string>;
}

function flagsOf(instruction: Instruction): Map<string, string | null> {
  const flags = new Map<string, string | null>();
  const withFlags = instruction as Instruction & {
    getFlags?: () => { getName(): string; getValue(): string | null }[];
  };
  for (const f of withFlags.getFlags?.() ?? []) flags.set(f.getName().toLowerCase(), f.getValue());
  return flags;
}

function ruleList(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Parses Dockerfile text once (dockerfile-ast), grouping instructions into stages and reading ignore comments. */
export function parseDockerfile(text: string): DockerDoc {
  const { DockerfileParser } = require('dockerfile-ast') as typeof import('dockerfile-ast');
  const parsed = DockerfileParser.parse(text);
  const instructions: DockerInstruction[] = [];
  const stages: DockerStage[] = [];
  for (const i of parsed.getInstructions()) {
    const keyword = i.getKeyword().toUpperCase();
    const start = i.getRange().start;
    const raw = (i.getArgumentsContent() ?? '').trim();
    const flags = flagsOf(i);
    const args = i.getArguments().map((a) => a.getValue());
    const ins: DockerInstruction = {
      keyword,
      text: raw,
      args,
      flags,
      line: start.line + 1,
      column: start.character + 1,
      json: isExecForm(raw),
      stage: keyword === 'FROM' ? stages.length : stages.length - 1,
    };
    instructions.push(ins);
    if (keyword === 'FROM') {
      const asIndex = args.findIndex((a) => a.toLowerCase() === 'as');
      const name = asIndex > 0 ? args[asIndex + 1]?.toLowerCase() : undefined;
      stages.push({ index: stages.length, from: ins, image: args[0] ?? '', name, instructions: [] });
    } else stages[stages.length - 1]?.instructions.push(ins);
  }
  const ignoredAt = new Map<number, Set<string>>();
  const ignoredInFile = new Set<string>();
  const lines = text.split(/\r?\n/);
  const instructionLines = new Set(instructions.map((i) => i.line));
  for (const [n, line] of lines.entries()) {
    const file = /^\s*#\s*opspilot-ignore-file\s+(.+)$/.exec(line);
    if (file?.[1]) for (const r of ruleList(file[1])) ignoredInFile.add(r);
    const here = /^\s*#\s*opspilot-ignore\s+(.+)$/.exec(line);
    if (!here?.[1]) continue;
    // The ignore applies to the next instruction, skipping further comment lines.
    let target = n + 2;
    while (target <= lines.length && !instructionLines.has(target) && /^\s*(#.*)?$/.test(lines[target - 1] ?? ''))
      target++;
    const set = ignoredAt.get(target) ?? new Set<string>();
    for (const r of ruleList(here[1])) set.add(r);
    ignoredAt.set(target, set);
  }
  return { text, instructions, stages, ignoredAt, ignoredInFile };
}

/**
 * Whether arguments are in exec form: as Docker reads them, a JSON array of strings; anything else, even starting
 * with `[` (`RUN [ -d /app ] || mkdir /app`, `RUN [[ … ]]`), is shell form.
 * @see https://docs.docker.com/reference/dockerfile/#shell-and-exec-form
 */
export function isExecForm(raw: string): boolean {
  if (!raw.startsWith('[')) return false;
  try {
    const value = JSON.parse(raw) as unknown;
    return Array.isArray(value) && value.every((v) => typeof v === 'string');
  } catch {
    return false;
  }
}

/** The commands of a RUN instruction's shell form, split at `&&`, `||`, `;` and `|` into word lists. */
export function shellCommands(ins: DockerInstruction): string[][] {
  if (ins.json) {
    try {
      const argv = JSON.parse(ins.text) as unknown;
      return Array.isArray(argv) ? [argv.map(String)] : [];
    } catch {
      return [];
    }
  }
  const body = ins.text.replace(/^(--\S+\s+)+/, '');
  return body
    .split(/&&|\|\||;|\|/)
    .map((c) => c.trim().split(/\s+/).filter(Boolean))
    .filter((c) => c.length > 0);
}
