import { describe, expect, it } from 'vitest';
import { LabelKey, Labels, LabelValue } from './labels.js';

describe('Kubernetes labels', () => {
  it('accepts plain and prefixed keys and refuses malformed ones', () => {
    for (const key of ['app', 'app.kubernetes.io/name', 'tier_1', 'a'.repeat(63), `${'a'.repeat(253)}/x`]) {
      expect(LabelKey.safeParse(key).success).toBe(true);
    }
    for (const key of ['', '-app', 'app-', 'App.IO/name', '/name', 'app.io/', 'a b', 'a'.repeat(64), 'x/y/z']) {
      expect(LabelKey.safeParse(key).success).toBe(false);
    }
  });

  it('accepts empty and well-formed values and refuses the rest', () => {
    for (const value of ['', 'backend', 'v1.2.3', 'A_b-c']) expect(LabelValue.safeParse(value).success).toBe(true);
    for (const value of ['-x', 'x.', 'a/b', 'a b', 'a'.repeat(64)])
      expect(LabelValue.safeParse(value).success).toBe(false);
  });

  it('checks every key and value of a label map', () => {
    expect(Labels.safeParse({ app: 'backend', 'app.kubernetes.io/part-of': 'todo' }).success).toBe(true);
    expect(Labels.safeParse({ app: 'backend', 'bad key': 'x' }).success).toBe(false);
    expect(Labels.safeParse({ app: 'not ok' }).success).toBe(false);
  });
});
