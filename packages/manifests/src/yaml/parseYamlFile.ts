import {
  type Document,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseAllDocuments,
  parseDocument,
} from 'yaml';
import { fastYamlDocs } from './fastYamlDocs.js';
import { splitFieldPath } from './fieldPath.js';
import { flowDepth } from './flowDepth.js';

/** Limits that keep a hostile YAML file from exhausting memory or time. */
export const YAML_LIMITS = {
  /** Aliases one document may expand (YAML "billion laughs" protection). */
  maxAliasCount: 100,
  /** Documents one file may hold. */
  maxDocuments: 20_000,
  /** Nesting depth of one document's values. */
  maxDepth: 200,
} as const;

/** Limits of {@link parseYamlFile}. */
export type YamlLimits = { [K in keyof typeof YAML_LIMITS]: number };

/** A 1-based line and column. */
export interface Position {
  line: number;
  column: number;
}

/** One document of a YAML stream: its plain value and a way to find where a field path is written. */
export interface YamlDoc {
  index: number;
  value: unknown;
  /** Where the document starts. */
  start: Position;
  /** Where `path` (e.g. `spec.replicas`) is written; the nearest existing parent when it is absent. */
  locate(path: string | undefined): Position;
}

/** A problem that makes (part of) a YAML file unreadable. */
export interface YamlProblem {
  rule: 'yaml-syntax' | 'yaml-duplicate-key' | 'yaml-alias-limit' | 'yaml-too-deep' | 'yaml-too-many-documents';
  message: string;
  line: number;
  column: number;
}

/** The documents of a YAML file and the problems found reading it. */
export interface ParsedYaml {
  docs: YamlDoc[];
  problems: YamlProblem[];
}

function depthExceeds(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop() as [unknown, number];
    if (d > max) return true;
    if (typeof v === 'object' && v !== null) {
      for (const child of Object.values(v)) if (typeof child === 'object' && child !== null) stack.push([child, d + 1]);
    }
  }
  return false;
}

function locator(doc: Document, lines: LineCounter, fallback: Position): (path: string | undefined) => Position {
  const at = (offset: number | undefined): Position => {
    if (offset === undefined) return fallback;
    const p = lines.linePos(offset);
    return { line: p.line, column: p.col };
  };
  return (path) => {
    let node: unknown = doc.contents;
    let best = at((doc.contents as Node | null)?.range?.[0]);
    if (path === undefined) return best;
    for (const seg of splitFieldPath(path)) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) break;
        best = at((pair.key as Node).range?.[0]);
        node = pair.value;
      } else if (isSeq(node) && typeof seg === 'number') {
        const item = node.items[seg] as Node | undefined;
        if (!item) break;
        best = at(item.range?.[0]);
        node = item;
      } else break;
    }
    return best;
  };
}

/** A locator that parses the document's own text with positions the first time a finding needs one. */
function lazyLocator(text: string, lineOffset: number, start: Position): (path: string | undefined) => Position {
  let locate: ((path: string | undefined) => Position) | undefined;
  return (path) => {
    if (!locate) {
      const lines = new LineCounter();
      const doc = parseDocument(text, { lineCounter: lines, merge: true });
      const inner = locator(doc, lines, { line: start.line - lineOffset, column: start.column });
      locate = (p) => {
        const at = inner(p);
        return { line: at.line + lineOffset, column: at.column };
      };
    }
    return locate(path);
  };
}

/**
 * Below this size a file goes straight to the positioned parser: the fast path pays off on large files whose
 * documents are mostly clean, while a small file nearly always has a finding to place, which parses it again.
 */
const FAST_PATH_MIN_CHARS = 8192;

const PROBLEM_RULES: Record<string, YamlProblem['rule']> = { DUPLICATE_KEY: 'yaml-duplicate-key' };

/**
 * Parses a (multi-document) YAML text once, keeping positions: syntax errors with line:column, duplicate keys,
 * alias expansion over {@link YAML_LIMITS} (YAML bombs), documents nested too deeply or too many documents.
 * Never throws for bad input: a broken document is reported and skipped.
 * @see https://eemeli.org/yaml/#parsing-yaml
 */
export function parseYamlFile(text: string, limits: YamlLimits = YAML_LIMITS): ParsedYaml {
  const lines = new LineCounter();
  const problems: YamlProblem[] = [];
  const docs: YamlDoc[] = [];
  const pos = (offset: number): Position => {
    const p = lines.linePos(offset);
    return { line: p.line, column: p.col };
  };
  let all: Document.Parsed[];
  const flow = flowDepth(text);
  if (flow > limits.maxDepth) {
    const message = `flow collections nest ${flow} levels deep; at most ${limits.maxDepth} are read`;
    return { docs, problems: [{ rule: 'yaml-too-deep', message, line: 1, column: 1 }] };
  }
  const fast = text.length >= FAST_PATH_MIN_CHARS ? fastYamlDocs(text, limits.maxDocuments) : undefined;
  if (fast) {
    for (const [index, d] of fast.entries()) {
      if (d.value === null || d.value === undefined) continue;
      if (depthExceeds(d.value, limits.maxDepth)) {
        problems.push({
          rule: 'yaml-too-deep',
          message: `the document nests deeper than ${limits.maxDepth} levels`,
          ...d.start,
        });
        continue;
      }
      docs.push({ index, value: d.value, start: d.start, locate: lazyLocator(d.text, d.lineOffset, d.start) });
    }
    return { docs, problems };
  }
  try {
    all = parseAllDocuments(text, {
      lineCounter: lines,
      uniqueKeys: true,
      prettyErrors: false,
      merge: true,
    }) as Document.Parsed[];
  } catch (error) {
    const message = error instanceof RangeError ? 'the YAML nests too deeply to read' : String(error);
    return { docs, problems: [{ rule: 'yaml-too-deep', message, line: 1, column: 1 }] };
  }
  if (!Array.isArray(all)) all = [all];
  if (all.length > limits.maxDocuments) {
    problems.push({
      rule: 'yaml-too-many-documents',
      message: `the file holds ${all.length} documents; at most ${limits.maxDocuments} are read`,
      line: 1,
      column: 1,
    });
    all = all.slice(0, limits.maxDocuments);
  }
  for (const [index, doc] of all.entries()) {
    const start = pos((doc.contents as Node | null)?.range?.[0] ?? doc.range[0]);
    if (doc.errors.length > 0) {
      for (const e of doc.errors) {
        const p = pos(e.pos[0]);
        const message = e.message.split('\n')[0] ?? e.message;
        const deep = /call stack/i.test(message);
        if (deep && problems.some((q) => q.rule === 'yaml-too-deep')) continue;
        problems.push({
          rule: deep ? 'yaml-too-deep' : (PROBLEM_RULES[e.code] ?? 'yaml-syntax'),
          message: deep ? 'the document nests too deeply to read' : message,
          ...p,
        });
      }
      continue;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: limits.maxAliasCount });
    } catch (error) {
      const bomb = /alias/i.test(String(error));
      problems.push({
        rule: bomb ? 'yaml-alias-limit' : 'yaml-too-deep',
        message: bomb
          ? `aliases expand too much (more than ${limits.maxAliasCount} per document): possible YAML bomb`
          : 'the document nests too deeply to read',
        ...start,
      });
      continue;
    }
    if (depthExceeds(value, limits.maxDepth)) {
      problems.push({
        rule: 'yaml-too-deep',
        message: `the document nests deeper than ${limits.maxDepth} levels`,
        ...start,
      });
      continue;
    }
    if (value === null || value === undefined) continue;
    docs.push({ index, value, start, locate: locator(doc, lines, start) });
  }
  return { docs, problems };
}
