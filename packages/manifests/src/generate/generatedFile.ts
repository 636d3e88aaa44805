import { stringify } from 'yaml';

/**
 * One file a generator produced: where it goes (relative to the project or `--out` folder), its text, and what it
 * is (`Deployment`, `Dockerfile`, `HelmChart` …) — the fields a seed-000 Generated Configuration stores.
 */
export interface GeneratedFile {
  path: string;
  content: string;
  resourceType: string;
}

/** Manifests as one multi-document YAML text, each document starting with `---`. */
export function toYamlDocuments(objects: readonly unknown[]): string {
  return objects.map((o) => `---\n${stringify(o, { lineWidth: 0 })}`).join('');
}
