import { badRequest, type StatusError } from '../api/statusError.js';

/**
 * Deepest nesting of objects and arrays a request body may have. Real objects stay far below it (a CRD's schema is
 * a few dozen levels); everything past it is refused before any recursive code (decoding, pruning, patching, field
 * management, validation, YAML and Table output) sees it — they all run with room to spare on the stack at twice
 * this depth, and running out of stack can abort the process rather than throw.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/
 */
export const MAX_NESTING_DEPTH = 256;

/** The 400 for a body nested past {@link MAX_NESTING_DEPTH} (`format`: JSON, YAML, protobuf). */
export function tooDeep(format: string): StatusError {
  return badRequest(
    `the request body is not valid ${format}: exceeded max depth (objects and arrays nested more than ${MAX_NESTING_DEPTH} levels)`,
  );
}

/**
 * Checks the nesting of JSON text without parsing it (one pass, no recursion): brackets inside strings do not count.
 * Throws 400 BadRequest past {@link MAX_NESTING_DEPTH}.
 */
export function checkJsonDepth(text: string): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > MAX_NESTING_DEPTH) throw tooDeep('JSON');
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
}

const QUOTE_AFTER = new Set(['[', '{', ',', ':', '-', '?']);

/**
 * Estimates the nesting of YAML text without parsing it (one pass, no recursion) and throws 400 BadRequest when the
 * estimate passes {@link MAX_NESTING_DEPTH}: per line, its indentation in columns plus the `- ` markers that open it
 * plus the flow collections (`[`, `{`) open at that point. Quoted scalars (to the end of their line) and comments
 * do not count. The estimate never undercounts what the parser nests, so nothing deep reaches it: the YAML parser
 * recurses per level and runs out of stack at a few hundred levels.
 */
export function checkYamlDepth(text: string): void {
  let flow = 0;
  let indent = 0;
  let lineStart = true;
  let quote = '';
  let comment = false;
  let previous = '';
  let significant = '';
  const check = () => {
    if (indent + flow > MAX_NESTING_DEPTH) throw tooDeep('YAML');
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n' || c === '\r') {
      lineStart = true;
      indent = 0;
      quote = '';
      comment = false;
      previous = '';
      significant = '';
      continue;
    }
    if (comment) continue;
    if (lineStart && (c === ' ' || c === '-' || c === '\t')) {
      indent++;
      continue;
    }
    if (lineStart) {
      lineStart = false;
      check();
    }
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
    } else if (c === '#' && (previous === '' || previous === ' ' || previous === '\t')) comment = true;
    else if (
      (c === '"' || c === "'") &&
      (previous === '' ||
        previous === '[' ||
        previous === '{' ||
        previous === ',' ||
        ((previous === ' ' || previous === '\t') && (significant === '' || QUOTE_AFTER.has(significant))))
    )
      quote = c;
    else if (c === '[' || c === '{') {
      flow++;
      check();
    } else if (c === ']' || c === '}') flow = Math.max(0, flow - 1);
    previous = c;
    if (c !== ' ' && c !== '\t') significant = c;
  }
}

/**
 * Checks the nesting of a decoded value without recursion (YAML and protobuf bodies, which have no cheap textual
 * check). Throws 400 BadRequest past {@link MAX_NESTING_DEPTH}.
 */
export function checkValueDepth(value: unknown, format: string): void {
  const stack: [unknown, number][] = [[value, 0]];
  const seen = new Set<unknown>();
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object' || seen.has(node)) continue;
    if (depth >= MAX_NESTING_DEPTH) throw tooDeep(format);
    seen.add(node);
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
}

/**
 * Whether an error is (or wraps, as the YAML parser does) the engine's stack overflow: a parser recursing on input
 * deeper than it can take.
 */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof Error && /Maximum call stack size exceeded/.test(error.message);
}
