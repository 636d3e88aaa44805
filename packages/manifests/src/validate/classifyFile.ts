/** What kind of input a file is, judged by its name and, for unnamed input, its first lines. */
export type InputKind = 'dockerfile' | 'yaml';

const DOCKERFILE_NAME = /(^|\/)(Dockerfile|Containerfile)([.-][^/]*)?$|\.(dockerfile|containerfile)$/i;
const YAML_NAME = /\.(ya?ml|json)$/i;

/** Classifies a file as a Dockerfile or YAML (manifests); unknown names are sniffed from their content. */
export function classifyFile(path: string, text: string): InputKind {
  // `Dockerfile.dockerignore` is the ignore file BuildKit reads for the Dockerfile beside it, not a Dockerfile.
  if (DOCKERFILE_NAME.test(path) && !/\.dockerignore$/i.test(path)) return 'dockerfile';
  if (YAML_NAME.test(path)) return 'yaml';
  const firstInstruction = /^\s*(?!#)(\S+)/m.exec(text)?.[1]?.toUpperCase();
  if ((firstInstruction === 'FROM' || firstInstruction === 'ARG') && !/^\s*(apiVersion|kind)\s*:/m.test(text)) {
    return 'dockerfile';
  }
  return 'yaml';
}

/**
 * The chart roots among the paths: the folders holding a `Chart.yaml` ('' for a chart at the top level). A chart
 * vendored under another chart's `charts/` folder is a subchart, not a root: it is rendered with its parent
 * (an umbrella chart renders as one).
 */
export function chartRoots(paths: string[]): string[] {
  const all = paths.filter((p) => /(^|\/)Chart\.ya?ml$/.test(p)).map((p) => p.replace(/\/?Chart\.ya?ml$/, ''));
  const isSubchart = (r: string) =>
    all.some((q) => q !== r && (q === '' ? r.startsWith('charts/') : r.startsWith(`${q}/charts/`)));
  return all.filter((r) => !isSubchart(r)).sort((a, b) => b.length - a.length);
}

/** The chart root a path belongs to, if any (the deepest one, for charts vendored under `charts/`). */
export function chartRootOf(path: string, roots: string[]): string | undefined {
  return roots.find((r) => r === '' || path === r || path.startsWith(`${r}/`));
}
