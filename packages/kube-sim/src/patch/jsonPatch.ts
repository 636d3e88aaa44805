import { StatusError } from '../api/statusError.js';

interface Operation {
  op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test';
  path: string;
  value?: unknown;
  from?: string;
}

type Container = Record<string, unknown> | unknown[];

function tokens(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new StatusError(422, 'Invalid', `invalid JSON pointer: "${pointer}"`);
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function parentOf(doc: unknown, path: string[]): { parent: Container; key: string } {
  let cur = doc;
  for (const t of path.slice(0, -1)) {
    cur = Array.isArray(cur) ? cur[Number(t)] : (cur as Record<string, unknown> | undefined)?.[t];
    if (cur === null || typeof cur !== 'object') {
      throw new StatusError(
        422,
        'Invalid',
        `the server rejected our request due to an error in our request: path /${path.join('/')} does not exist`,
      );
    }
  }
  return { parent: cur as Container, key: path[path.length - 1] ?? '' };
}

function read(doc: unknown, pointer: string): unknown {
  let cur = doc;
  for (const t of tokens(pointer)) {
    cur = Array.isArray(cur) ? cur[Number(t)] : (cur as Record<string, unknown> | undefined)?.[t];
    if (cur === undefined)
      throw new StatusError(
        422,
        'Invalid',
        `the server rejected our request due to an error in our request: path ${pointer} does not exist`,
      );
  }
  return structuredClone(cur);
}

function remove(doc: unknown, pointer: string): void {
  const { parent, key } = parentOf(doc, tokens(pointer));
  if (Array.isArray(parent)) {
    const i = Number(key);
    if (!(i >= 0 && i < parent.length))
      throw new StatusError(
        422,
        'Invalid',
        `the server rejected our request due to an error in our request: index ${key} out of range`,
      );
    parent.splice(i, 1);
  } else {
    if (!(key in parent))
      throw new StatusError(
        422,
        'Invalid',
        `the server rejected our request due to an error in our request: path ${pointer} does not exist`,
      );
    delete parent[key];
  }
}

function add(doc: unknown, pointer: string, value: unknown): unknown {
  const path = tokens(pointer);
  if (path.length === 0) return structuredClone(value);
  const { parent, key } = parentOf(doc, path);
  if (Array.isArray(parent)) {
    const i = key === '-' ? parent.length : Number(key);
    if (!(i >= 0 && i <= parent.length))
      throw new StatusError(
        422,
        'Invalid',
        `the server rejected our request due to an error in our request: index ${key} out of range`,
      );
    parent.splice(i, 0, structuredClone(value));
  } else parent[key] = structuredClone(value);
  return doc;
}

/**
 * JSON patch (RFC 6902) with all six operations; used by `kubectl rollout undo` and `patch --type=json`. A failed
 * `test` or a missing path is a 422 as on a real server. The input is not changed.
 * @see https://www.rfc-editor.org/rfc/rfc6902
 */
export function applyJsonPatch(target: unknown, operations: unknown): unknown {
  if (!Array.isArray(operations))
    throw new StatusError(400, 'BadRequest', 'a JSON patch must be an array of operations');
  let doc = structuredClone(target);
  for (const raw of operations as Operation[]) {
    switch (raw?.op) {
      case 'add':
        doc = add(doc, raw.path, raw.value);
        break;
      case 'remove':
        remove(doc, raw.path);
        break;
      case 'replace':
        remove(doc, raw.path);
        doc = add(doc, raw.path, raw.value);
        break;
      case 'move': {
        const value = read(doc, raw.from ?? '');
        remove(doc, raw.from ?? '');
        doc = add(doc, raw.path, value);
        break;
      }
      case 'copy':
        doc = add(doc, raw.path, read(doc, raw.from ?? ''));
        break;
      case 'test':
        if (JSON.stringify(read(doc, raw.path)) !== JSON.stringify(raw.value)) {
          throw new StatusError(
            422,
            'Invalid',
            `the server rejected our request due to an error in our request: testing value ${raw.path} failed`,
          );
        }
        break;
      default:
        throw new StatusError(400, 'BadRequest', `unsupported JSON patch operation: ${JSON.stringify(raw?.op)}`);
    }
  }
  return doc;
}
