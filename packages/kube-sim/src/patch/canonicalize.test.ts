import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalize } from './canonicalize.js';
import type { JsonObject } from './json.js';

const requests = JSON.parse(
  readFileSync(join(import.meta.dirname, '__fixtures__', 'kubectl-1.32-requests.json'), 'utf8'),
) as Record<string, { body: JsonObject[] }>;

describe('canonicalize', () => {
  it('gives the template kubectl rollout undo sends (creationTimestamp: null) the form of the stored one', () => {
    const sent = requests['rollout-undo']!.body[0]!.value as JsonObject;
    expect((sent.metadata as JsonObject).creationTimestamp).toBeNull();
    const stored = structuredClone(sent);
    delete (stored.metadata as JsonObject).creationTimestamp;
    for (const c of (stored.spec as { containers: JsonObject[] }).containers) {
      if (JSON.stringify(c.resources) === '{}') delete c.resources;
    }
    delete (stored.spec as JsonObject).securityContext;
    expect(JSON.stringify(canonicalize(sent))).toBe(JSON.stringify(canonicalize(stored)));
  });

  it('sorts keys at every level, keeps list order and drops what is left empty', () => {
    const out = canonicalize({
      spec: { z: 1, a: { y: [], x: { w: null } }, list: [{ b: 2, a: 1 }, null, {}, 'k'] },
      status: {},
    });
    expect(JSON.stringify(out)).toBe('{"spec":{"list":[{"a":1,"b":2},"k"],"z":1}}');
  });

  it('tells apart templates that really differ and keeps falsy scalars', () => {
    const a = canonicalize({
      spec: { containers: [{ name: 'app', image: 'nginx:1.25' }], paused: false, n: 0, s: '' },
    });
    const b = canonicalize({
      spec: { containers: [{ name: 'app', image: 'nginx:1.27' }], paused: false, n: 0, s: '' },
    });
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(b));
    expect(a).toEqual({ spec: { containers: [{ image: 'nginx:1.25', name: 'app' }], n: 0, paused: false, s: '' } });
  });

  it('returns {} for an empty object, undefined for null, and does not change its input', () => {
    const input = { metadata: { creationTimestamp: null } };
    expect(canonicalize(input)).toEqual({});
    expect(canonicalize(null)).toBeUndefined();
    expect(input).toEqual({ metadata: { creationTimestamp: null } });
  });
});
