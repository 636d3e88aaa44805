import type { KubeObject } from '@opspilot/core';
import { isKubeObj, type KubeObj, type KubeResource, parseYamlFile, refOfObj, type YamlDoc } from '@opspilot/manifests';

const NOWHERE = { line: 1, column: 1 };

/** A live object as the rules see it: no file, so every field is located at the start of its "document". */
export function liveResource(obj: KubeObject, source: string, index = 0): KubeResource {
  const doc: YamlDoc = { index, value: obj, start: NOWHERE, locate: () => NOWHERE };
  const o = obj as unknown as KubeObj;
  return { file: source, doc, obj: o, ref: refOfObj(o) };
}

/** The objects of a snapshot (`objects` keyed by kind) as rule resources. */
export function snapshotResources(objects: Record<string, KubeObject[]>, source: string): KubeResource[] {
  const out: KubeResource[] = [];
  for (const [kind, list] of Object.entries(objects)) {
    if (kind === 'Event') continue;
    for (const o of list) out.push(liveResource({ ...o, kind: o.kind ?? kind }, source, out.length));
  }
  return out;
}

/** A YAML file read into rule resources (`kind: List` expanded); unreadable documents are skipped, not guessed. */
export function fileResources(path: string, text: string): { resources: KubeResource[]; problems: string[] } {
  const parsed = parseYamlFile(text);
  const resources: KubeResource[] = [];
  for (const doc of parsed.docs) {
    const v = doc.value as { kind?: unknown; items?: unknown };
    const values =
      typeof v === 'object' &&
      v !== null &&
      typeof v.kind === 'string' &&
      v.kind.endsWith('List') &&
      Array.isArray(v.items)
        ? v.items
        : [v];
    for (const value of values)
      if (isKubeObj(value)) resources.push({ file: path, doc, obj: value, ref: refOfObj(value) });
  }
  return { resources, problems: parsed.problems.map((p) => `${path}:${p.line}:${p.column}: ${p.message}`) };
}
