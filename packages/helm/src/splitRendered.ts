import type { RenderedManifest } from '@opspilot/core';

/**
 * Splits `helm template` output into one manifest per template, using the `# Source: <chart>/<path>` comments
 * helm writes; paths are made relative to the chart root (`templates/deployment.yaml`).
 * @see https://helm.sh/docs/helm/helm_template/
 */
export function splitRendered(output: string): RenderedManifest[] {
  const byPath = new Map<string, string[]>();
  let current: string | undefined;
  let buffer: string[] = [];
  const flush = () => {
    if (current !== undefined && buffer.join('').trim() !== '') {
      const docs = byPath.get(current) ?? [];
      docs.push(buffer.join('\n').trim());
      byPath.set(current, docs);
    }
    buffer = [];
  };
  for (const line of output.split('\n')) {
    if (line === '---') {
      flush();
      current = undefined;
      continue;
    }
    const source = /^# Source: [^/]+\/(.+)$/.exec(line);
    if (source?.[1] && buffer.length === 0) {
      current = source[1];
      continue;
    }
    buffer.push(line);
  }
  flush();
  return [...byPath].map(([path, docs]) => ({ path, content: `${docs.join('\n---\n')}\n` }));
}
