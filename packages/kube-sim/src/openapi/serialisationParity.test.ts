import { ManualClock } from '@opspilot/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_CASES } from '../__fixtures__/builtinObjects.js';
import { type SimCluster, startSimCluster } from '../startSimCluster.js';
import { advanceClock, createKubectl, type KubectlResult } from '../testing/index.js';

type Json = Record<string, unknown>;
let sim: SimCluster;
let clock: ManualClock;
let kubectl: (args: string[], input?: string) => Promise<KubectlResult>;
/** Every component schema the simulated cluster serves under /openapi/v3, by name. */
const schemas: Record<string, Json> = {};

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

async function ok(args: string[], input?: string): Promise<string> {
  const r = await kubectl(args, input);
  if (r.code !== 0) throw new Error(`kubectl ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return r.stdout;
}

/** A property's schema with its `allOf`/`$ref` followed. */
function resolve(schema: Json): Json {
  const ref = (schema.$ref ?? ((schema.allOf as Json[] | undefined)?.[0]?.$ref as string | undefined)) as
    | string
    | undefined;
  return ref ? (schemas[ref.replace('#/components/schemas/', '')] ?? {}) : schema;
}

const isList = (schema: Json) => schema.type === 'array';
const isMap = (schema: Json) => isObject(schema.additionalProperties);

/** Paths of empty lists and maps in fields the served schemas do not mark required: what omitempty never sends. */
function emptyOptional(value: unknown, given: Json, path: string, out: string[]): string[] {
  const schema = resolve(given);
  if (isList(schema) && Array.isArray(value)) {
    for (const [i, item] of value.entries()) emptyOptional(item, schema.items as Json, `${path}[${i}]`, out);
  } else if (isMap(schema) && isObject(value)) {
    for (const [k, v] of Object.entries(value))
      emptyOptional(v, schema.additionalProperties as Json, `${path}.${k}`, out);
  } else if (isObject(schema.properties) && isObject(value)) {
    const required = (schema.required as string[] | undefined) ?? [];
    for (const [key, child] of Object.entries(value)) {
      const property = schema.properties[key] as Json | undefined;
      if (!property) continue;
      const field = resolve(property);
      const empty =
        (isList(field) && Array.isArray(child) && child.length === 0) ||
        (isMap(field) && isObject(child) && Object.keys(child).length === 0);
      if (empty && !required.includes(key)) out.push(`${path}.${key}`);
      else emptyOptional(child, property, `${path}.${key}`, out);
    }
  }
  return out;
}

/** The component of a kind, by its `x-kubernetes-group-version-kind`. */
function componentOf(apiVersion: string, kind: string): Json {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  const found = Object.values(schemas).find((s) =>
    ((s['x-kubernetes-group-version-kind'] as Json[] | undefined) ?? []).some(
      (g) => g.group === group && g.version === version && g.kind === kind,
    ),
  );
  if (!found) throw new Error(`no schema served for ${apiVersion} ${kind}`);
  return found;
}

/** `object` with an empty list or map in every optional list or map field it leaves out, top level and one below. */
function padded(object: Json, component: Json): Json {
  const out = structuredClone(object);
  const fill = (target: Json, schema: Json) => {
    const required = (schema.required as string[] | undefined) ?? [];
    for (const [key, property] of Object.entries((schema.properties as Json | undefined) ?? {})) {
      const field = resolve(property as Json);
      if (key in target || required.includes(key)) continue;
      if (isList(field)) target[key] = [];
      else if (isMap(field)) target[key] = {};
    }
  };
  fill(out, component);
  const properties = component.properties as Record<string, Json>;
  for (const key of ['metadata', 'spec']) {
    if (!properties[key]) continue;
    out[key] ??= {};
    fill(out[key] as Json, resolve(properties[key]));
  }
  return out;
}

const PATH = /^\/(?:api|apis\/([^/]+))\/([^/]+)(?:\/namespaces\/[^/]+)?\/([^/]+)$/;
const cases = Object.entries(BUILTIN_CASES).map(([key, c]) => {
  const [, group = '', version, plural] = PATH.exec(c.path)!;
  const kind = key.split('@')[0]!;
  const apiVersion = group ? `${group}/${version}` : version!;
  return { key, kind, apiVersion, resource: group ? `${plural}.${version}.${group}` : plural!, object: c.object };
});

/** Every object of every kind in {@link cases}, as kubectl reads them. */
async function servedObjects(): Promise<Json[]> {
  const resources = cases.map((c) => c.resource).join(',');
  return (JSON.parse(await ok(['get', resources, '-A', '-o', 'json'])) as { items: Json[] }).items;
}

/** Per served object (`Kind name`), the empty optional lists and maps in its JSON. */
function emptiesOf(objects: Json[]): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const item of objects) {
    const empties = emptyOptional(item, componentOf(String(item.apiVersion), String(item.kind)), '', []);
    if (empties.length > 0) found[`${item.apiVersion} ${item.kind} ${(item.metadata as Json).name}`] = empties;
  }
  return found;
}

beforeAll(async () => {
  clock = new ManualClock(new Date('2026-01-01T00:00:00Z'));
  sim = await startSimCluster({ clock });
  kubectl = createKubectl(sim.kubeconfig);
  const index = JSON.parse(await ok(['get', '--raw', '/openapi/v3'])) as { paths: Record<string, Json> };
  for (const entry of Object.values(index.paths)) {
    const doc = JSON.parse(await ok(['get', '--raw', String(entry.serverRelativeURL)]));
    // A model appears in every document that uses it; only its own group-version's copy names its kind.
    for (const [name, schema] of Object.entries((doc.components?.schemas ?? {}) as Record<string, Json>))
      if (!schemas[name] || schema['x-kubernetes-group-version-kind']) schemas[name] = schema;
  }
}, 120_000);
afterAll(async () => sim?.stop());

describe('JSON of every built-in kind leaves out empty optional lists and maps, as the real API server does', () => {
  it('drops the empty lists and maps a client sends, for each kind, on create and read', async () => {
    const docs = cases.map((c) =>
      padded({ apiVersion: c.apiVersion, kind: c.kind, ...c.object }, componentOf(c.apiVersion, c.kind)),
    );
    const padding = docs.flatMap((d) => emptyOptional(d, componentOf(String(d.apiVersion), String(d.kind)), '', []));
    expect(padding.length).toBeGreaterThan(cases.length);
    await ok(['create', '-f', '-'], docs.map((d) => JSON.stringify(d)).join('\n---\n'));

    const served = await servedObjects();
    for (const c of cases)
      expect(
        served.some((o) => o.kind === c.kind && o.apiVersion === c.apiVersion),
        c.key,
      ).toBe(true);
    expect(emptiesOf(served)).toEqual({});
  }, 120_000);

  it('serves controller-written objects the same way: a Service without ready pods has no subsets', async () => {
    await ok(
      ['apply', '-f', '-'],
      'apiVersion: v1\nkind: Service\nmetadata: {name: lonely}\nspec: {selector: {app: nobody}, ports: [{port: 80}]}\n',
    );
    await advanceClock(clock, 20_000);
    expect(emptiesOf(await servedObjects())).toEqual({});
    expect(await ok(['get', 'endpoints', 'lonely', '-o', 'jsonpath={.subsets}'])).toBe('');
    expect(await ok(['get', 'endpoints', 'lonely', '-o', 'jsonpath={.metadata.name}'])).toBe('lonely');
  }, 120_000);
});
