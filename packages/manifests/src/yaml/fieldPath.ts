/**
 * Splits a field path such as `spec.template.spec.containers[0].image` or `metadata.annotations["a.b/c"]` into
 * its segments (`['spec', 'template', 'spec', 'containers', 0, 'image']`).
 */
export function splitFieldPath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  const re = /([^.[\]]+)|\[(\d+)\]|\["([^"]*)"\]/g;
  for (let m = re.exec(path); m !== null; m = re.exec(path)) {
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else if (m[3] !== undefined) out.push(m[3]);
  }
  return out;
}

/** Appends a key to a field path, quoting keys that contain dots or slashes. */
export function joinFieldPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  if (/[.[\]/"]/.test(key)) return `${base}["${key}"]`;
  return base === '' ? key : `${base}.${key}`;
}
