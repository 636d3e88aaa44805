import { describe, expect, it } from 'vitest';
import { obj, runKubeRule } from '../testing/kubeTesting.js';
import { configMapSecrets } from './configMapSecrets.js';

describe('configMapSecrets', () => {
  it('passes a healthy object', () => {
    expect(
      runKubeRule(configMapSecrets, [
        obj('apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c }\ndata: { LOG_LEVEL: info, token_file: "" }'),
      ]),
    ).toEqual([]);
  });

  it('reports the broken field with a fix', () => {
    const objs = [
      obj('apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c }\ndata: { LOG_LEVEL: info, DB_PASSWORD: hunter2 }'),
    ];
    const v = runKubeRule(configMapSecrets, objs);
    expect(v.map((x) => x.path)).toEqual(['data["DB_PASSWORD"]']);
    expect(v.every((x) => x.fix !== undefined && x.fix.length > 0)).toBe(true);
  });
});
