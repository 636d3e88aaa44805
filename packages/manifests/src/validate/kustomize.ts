import { posix } from 'node:path';
import { parse } from 'yaml';
import { parseYamlFile, type YamlDoc } from '../yaml/parseYamlFile.js';

/** A kustomization file's name (kustomize accepts these three). */
export const KUSTOMIZATION_FILE = /(^|\/)(kustomization\.ya?ml|Kustomization)$/;

/**
 * Builds kustomizations (production: `kubectl kustomize`, the kustomize built into kubectl). `dir` is the folder
 * as it appears in the input paths; the result is the YAML stream kustomize prints, or an error with its whole
 * message.
 */
export interface KustomizeRenderer {
  build(dir: string): Promise<{ ok: true; value: string } | { ok: false; error: { message: string; hint?: string } }>;
}

/** The folders holding a kustomization file ('' for the top level), deepest first. */
export function kustomizationRoots(paths: string[]): string[] {
  return paths
    .filter((p) => KUSTOMIZATION_FILE.test(p))
    .map((p) => posix.dirname(p))
    .map((d) => (d === '.' ? '' : d))
    .sort((a, b) => b.length - a.length);
}

/** The kustomization root a path belongs to (the deepest folder holding a kustomization), if any. */
export function kustomizationRootOf(path: string, roots: string[]): string | undefined {
  return roots.find((r) => r === '' || path.startsWith(`${r}/`));
}

/** The folders and files a kustomization names in `resources`, `bases` and `components`, relative to the input. */
export function kustomizationReferences(dir: string, text: string): string[] {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch {
    return [];
  }
  if (typeof doc !== 'object' || doc === null) return [];
  const refs: string[] = [];
  for (const key of ['resources', 'bases', 'components']) {
    const list = (doc as Record<string, unknown>)[key];
    if (!Array.isArray(list)) continue;
    for (const r of list) {
      if (typeof r !== 'string' || /^[a-z]+:\/\/|^git@|^github\.com\//.test(r)) continue;
      const joined = posix.normalize(posix.join(dir || '.', r)).replace(/\/$/, '');
      refs.push(joined === '.' ? '' : joined);
    }
  }
  return refs;
}

/**
 * The kustomizations to build: those no other kustomization of the input includes (an overlay's base is built as
 * part of the overlay, not again on its own). `texts` maps each root to its kustomization file's text.
 */
export function topKustomizations(texts: Map<string, string>): string[] {
  const included = new Set<string>();
  for (const [dir, text] of texts) for (const ref of kustomizationReferences(dir, text)) included.add(ref);
  return [...texts.keys()].filter((dir) => !included.has(dir)).sort();
}

/** A document of the built output, as checkManifests takes it. */
interface BuiltDoc {
  file: string;
  doc: YamlDoc;
  scope?: string;
}

function keyOf(value: unknown): { kind: string; name: string } | undefined {
  const v = value as { kind?: unknown; metadata?: { name?: unknown } } | null;
  return typeof v?.kind === 'string' && typeof v.metadata?.name === 'string'
    ? { kind: v.kind, name: v.metadata.name }
    : undefined;
}

/**
 * Points the objects of a kustomization's built output back at the files they came from, where one can be found:
 * a source object of the same kind whose name the built name contains (kustomize adds prefixes, suffixes and
 * hashes). Findings then name that file, at the position of the field in it (or of its nearest parent written
 * there, when a patch added the field). Objects with no source keep the built output's name.
 */
export function mapToSources(docs: BuiltDoc[], output: string, sources: Map<string, string>, dir: string): void {
  const index: { file: string; kind: string; name: string; doc: YamlDoc }[] = [];
  for (const [file, text] of sources) {
    if (KUSTOMIZATION_FILE.test(file)) continue;
    for (const doc of parseYamlFile(text).docs) {
      const key = keyOf(doc.value);
      // A patch names its target but is not the object; only full objects (with a spec or data) are sources.
      if (key) index.push({ file, ...key, doc });
    }
  }
  for (const d of docs) {
    if (d.file !== output) continue;
    const key = keyOf(d.doc.value);
    if (!key) continue;
    const candidates = index.filter((s) => s.kind === key.kind && key.name.includes(s.name));
    const near = (f: string) => (dir === '' || f.startsWith(`${dir}/`) ? 0 : 1);
    const best = candidates.sort((a, b) => b.name.length - a.name.length || near(a.file) - near(b.file))[0];
    if (!best) continue;
    const value = d.doc.value;
    d.file = best.file;
    d.doc = { ...best.doc, value };
  }
}
