import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { InputError, NotFoundError } from '@opspilot/core';
import { DEFAULT_MAX_FILE_BYTES, IGNORED_FOLDERS, type InputFile } from '@opspilot/manifests';

const CANDIDATE = /(^|\/)(Dockerfile|Containerfile)([.-][^/]*)?$|\.(ya?ml|json|dockerfile|containerfile)$/i;

/** Reads at most `limit + 1` bytes, so a huge file is refused without being loaded. */
function readCapped(path: string, size: number, limit: number): InputFile['content'] {
  const want = Math.min(size, limit + 1);
  const buffer = Buffer.alloc(want);
  const fd = openSync(path, 'r');
  try {
    let read = 0;
    while (read < want) {
      const n = readSync(fd, buffer, read, want - read, read);
      if (n === 0) break;
      read += n;
    }
    return new Uint8Array(buffer.buffer, buffer.byteOffset, read);
  } finally {
    closeSync(fd);
  }
}

/**
 * Collects the files of a folder: manifests (`.yaml`, `.yml`, `.json`) and Dockerfiles everywhere; inside a Helm
 * chart every file (templates, `.tpl`, `.helmignore`, dependencies under `charts/` as folders or `.tgz`). A
 * `templates/` folder outside a chart (web pages, code generators) is read like any other folder.
 */
function walk(dir: string, out: string[], depth = 0, inChart = false): void {
  if (depth > 64) return;
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  const chart = inChart || entries.some((e) => e.isFile() && /^Chart\.ya?ml$/.test(e.name));
  for (const e of entries) {
    if (IGNORED_FOLDERS.has(e.name) && !(chart && e.name === 'charts')) continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) walk(full, out, depth + 1, chart);
    else if (e.isFile() && (chart || CANDIDATE.test(e.name))) out.push(full);
  }
}

/** Reads standard input completely. */
export async function readStdin(stdin: AsyncIterable<Uint8Array | string>): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * Collects the inputs of `opspilot validate`: named files as they are, folders recursively (YAML, JSON and
 * Dockerfiles, plus every file of a Helm chart folder), `-` for standard input. Paths are reported relative to
 * `cwd`. Throws NotFoundError for a missing path.
 */
export async function readValidateInputs(
  paths: string[],
  cwd: string,
  stdin: () => AsyncIterable<Uint8Array | string>,
  limit = DEFAULT_MAX_FILE_BYTES,
): Promise<InputFile[]> {
  if (paths.length === 0) {
    throw new InputError('name at least one file or folder to validate', {
      hint: 'e.g. `opspilot validate k8s/ Dockerfile` or `kubectl get deploy -o yaml | opspilot validate -`',
    });
  }
  const files: InputFile[] = [];
  for (const p of paths) {
    if (p === '-') {
      files.push({ path: '<stdin>', content: await readStdin(stdin()) });
      continue;
    }
    const full = resolve(cwd, p);
    let stat: ReturnType<typeof statSync>;
    try {
      stat = statSync(full);
    } catch {
      throw new NotFoundError(`${p} does not exist`, { hint: 'check the path (relative to the working directory)' });
    }
    const found: string[] = [];
    if (stat.isDirectory()) walk(full, found);
    else found.push(full);
    for (const f of found) {
      const size = statSync(f).size;
      const path = relative(cwd, f).split(sep).join('/') || f;
      files.push({ path, content: readCapped(f, size, limit), size });
    }
  }
  return files;
}

/**
 * Reads a chart folder outside the paths given (a `file://` dependency such as `file://../common`): its path is
 * relative to `cwd`, as input paths are; undefined unless it is a folder holding a Chart.yaml.
 */
export function readChartFolder(cwd: string, dir: string, limit = DEFAULT_MAX_FILE_BYTES): InputFile[] | undefined {
  const full = resolve(cwd, dir);
  try {
    if (!statSync(full).isDirectory()) return undefined;
  } catch {
    return undefined;
  }
  const found: string[] = [];
  walk(full, found);
  if (!found.some((f) => /^Chart\.ya?ml$/.test(relative(full, f)))) return undefined;
  return found.map((f) => {
    const size = statSync(f).size;
    return { path: relative(full, f).split(sep).join('/'), content: readCapped(f, size, limit), size };
  });
}
