import type { KubeObject } from '../store/kubeObject.js';
import { type FileError, type FileRead, fileError, normalisePath, type ProcessFiles } from './fileWrites.js';
import { IMAGE_DIRS, imageFiles } from './imageFiles.js';
import { imageRegistryOf } from './imageRegistry.js';
import { type PodView, podContainer } from './podEnv.js';
import { SERVICE_ACCOUNT_DIR, serviceAccountFiles, volumeContent } from './podVolumes.js';
import { execWrites, processWrites, recordExecWrite, type TimedWrite } from './podWrites.js';

type Json = Record<string, unknown>;

/** One entry of a directory listing (`..data` and the other hidden entries of ConfigMap mounts included). */
export interface DirEntry {
  name: string;
  type: 'file' | 'dir' | 'link';
}

/** A directory's entries (sorted by name), or why it cannot be listed; a file lists as itself. */
export type DirListing = { ok: true; entries: DirEntry[] } | FileError;

interface Tree {
  files: Map<string, string>;
  dirs: Set<string>;
  links: Set<string>;
  /** Mount points whose content is read-only (ConfigMap, Secret, downward API, projected). */
  readOnly: string[];
  /** Writable mounts: mount path → where writes under it go (`volume/subPath`). */
  writable: { mountPath: string; key: string }[];
}

const under = (path: string, dir: string) => dir === '/' || path === dir || path.startsWith(`${dir}/`);
const join = (dir: string, rel: string) => normalisePath(`${dir}/${rel}`);

function addFile(tree: Tree, path: string, content: string): void {
  tree.files.set(path, content);
  for (let d = path.slice(0, path.lastIndexOf('/')) || '/'; ; d = d.slice(0, d.lastIndexOf('/')) || '/') {
    tree.dirs.add(d);
    if (d === '/') break;
  }
}

function clear(tree: Tree, dir: string): void {
  for (const p of [...tree.files.keys()]) if (under(p, dir)) tree.files.delete(p);
  for (const p of [...tree.dirs]) if (under(p, dir) && p !== dir) tree.dirs.delete(p);
  addFile(tree, `${dir}/.`, '');
  tree.files.delete(`${dir}/.`);
  tree.dirs.add(dir);
}

function applyWrite(files: Map<string, string | null>, path: string, w: TimedWrite): void {
  if (w.op === 'remove') {
    for (const p of files.keys()) if (under(p, path)) files.set(p, null);
  } else if (w.op === 'mkdir') files.set(`${path}/`, '');
  else files.set(path, (w.op === 'append' ? (files.get(path) ?? '') : '') + w.content);
}

/** The mount of `container` that holds `path` (the longest mount path), if any. */
function mountOf(pod: KubeObject, container: Json, path: string): Json | undefined {
  const mounts = ((container.volumeMounts as Json[] | undefined) ?? []).filter((m) =>
    under(path, normalisePath(String(m.mountPath ?? ''))),
  );
  const best = mounts.sort((a, b) => String(b.mountPath).length - String(a.mountPath).length)[0];
  if (!best) return undefined;
  const volume = (((pod.spec as Json).volumes as Json[] | undefined) ?? []).find((v) => v.name === best.name);
  return volume ? { ...best, volume } : undefined;
}

/**
 * Where a write by `container` to `path` lands: `volume:NAME` with the path inside the volume for a writable
 * volume, `container:NAME` with the path itself otherwise, or undefined for a read-only mount.
 */
function writeTarget(pod: KubeObject, container: Json, path: string): { key: string; path: string } | undefined {
  const mount = mountOf(pod, container, path);
  if (!mount) return { key: `container:${String(container.name)}`, path };
  const volume = mount.volume as Json;
  if (volume.configMap || volume.secret || volume.downwardAPI || volume.projected || mount.readOnly === true)
    return undefined;
  const rest = path.slice(normalisePath(String(mount.mountPath)).length);
  return { key: `volume:${String(volume.name)}`, path: normalisePath(`/${String(mount.subPath ?? '')}/${rest}`) };
}

/** Every write to a pod's files up to `now`, grouped by where it lands (see writeTarget), in time order. */
function landedWrites(view: PodView, pod: KubeObject, nowMs: number): Map<string, Map<string, string | null>> {
  const byKey = new Map<string, Map<string, string | null>>();
  const writes = [...processWrites(view, pod, nowMs, staticFiles), ...execWrites(view.store, pod)]
    .filter((w) => w.atMs <= nowMs)
    .sort((a, b) => a.atMs - b.atMs);
  for (const w of writes) {
    const container = podContainer(pod, w.container);
    const target = container ? writeTarget(pod, container, normalisePath(w.path)) : undefined;
    if (!target) continue;
    if (w.previousRun && !target.key.startsWith('volume:')) continue;
    const files = byKey.get(target.key) ?? new Map<string, string | null>();
    byKey.set(target.key, files);
    applyWrite(files, target.path, w);
  }
  return byKey;
}

function buildTree(view: PodView, pod: KubeObject, containerName: string, withWrites: boolean): Tree {
  const tree: Tree = { files: new Map(), dirs: new Set(IMAGE_DIRS), links: new Set(), readOnly: [], writable: [] };
  const container = podContainer(pod, containerName) ?? {};
  const profile = imageRegistryOf(view.store).lookup(String(container.image ?? ''));
  if (profile) for (const [p, c] of Object.entries(imageFiles(pod, profile))) addFile(tree, p, c);
  const writes = withWrites ? landedWrites(view, pod, view.now().getTime()) : new Map();
  const place = (files: Map<string, string | null> | undefined, root: string, from = '/') => {
    for (const [p, c] of files ?? []) {
      if (!under(p.replace(/\/$/, '') || '/', from)) continue;
      const target = join(root, p.slice(from === '/' ? 0 : from.length));
      if (c === null) tree.files.delete(target);
      else if (p.endsWith('/')) addFile(tree, `${target}/.`, '');
      else addFile(tree, target, c);
      tree.files.delete(`${target}/.`);
    }
  };
  place(writes.get(`container:${containerName}`), '/');
  const mounts = [...((container.volumeMounts as Json[] | undefined) ?? [])].sort(
    (a, b) => String(a.mountPath).length - String(b.mountPath).length,
  );
  const volumes = ((pod.spec as Json).volumes as Json[] | undefined) ?? [];
  const automount = (pod.spec as Json).automountServiceAccountToken !== false;
  if (automount && !mounts.some((m) => normalisePath(String(m.mountPath)) === SERVICE_ACCOUNT_DIR))
    mountFiles(tree, SERVICE_ACCOUNT_DIR, serviceAccountFiles(pod), undefined);
  for (const m of mounts) {
    const mountPath = normalisePath(String(m.mountPath ?? '/'));
    const volume = volumes.find((v) => v.name === m.name);
    if (!volume) continue;
    const content = volumeContent(view, pod, volume);
    if (content.kind === 'files') mountFiles(tree, mountPath, content.files, m.subPath as string | undefined);
    else if (content.kind === 'writable') {
      const subPath = normalisePath(`/${String(m.subPath ?? '')}`);
      clear(tree, mountPath);
      place(writes.get(`volume:${String(volume.name)}`), mountPath, subPath);
      tree.writable.push({ mountPath, key: String(volume.name) });
      if (m.readOnly === true) tree.readOnly.push(mountPath);
    }
  }
  return tree;
}

/** Mounts read-only files: each key a link into `..data`, as the kubelet's atomic writer lays them out. */
function mountFiles(tree: Tree, mountPath: string, files: Record<string, string>, subPath: string | undefined): void {
  if (subPath) {
    const content = files[subPath];
    clear(tree, mountPath);
    if (content !== undefined) {
      tree.dirs.delete(mountPath);
      addFile(tree, mountPath, content);
    } else
      for (const [k, v] of Object.entries(files))
        if (under(k, subPath)) addFile(tree, join(mountPath, k.slice(subPath.length)), v);
    tree.readOnly.push(mountPath);
    return;
  }
  clear(tree, mountPath);
  for (const [k, v] of Object.entries(files)) {
    addFile(tree, join(mountPath, k), v);
    addFile(tree, join(`${mountPath}/..data`, k), v);
    if (!k.includes('/')) tree.links.add(join(mountPath, k));
  }
  tree.links.add(`${mountPath}/..data`);
  tree.dirs.add(`${mountPath}/..data`);
  tree.readOnly.push(mountPath);
}

function read(tree: Tree, path: string): FileRead {
  const content = tree.files.get(path);
  if (content !== undefined) return { ok: true, content };
  if (tree.dirs.has(path)) return fileError('EISDIR');
  for (let d = path.slice(0, path.lastIndexOf('/')); d; d = d.slice(0, d.lastIndexOf('/')))
    if (tree.files.has(d)) return fileError('ENOTDIR');
  return fileError('ENOENT');
}

function writeError(tree: Tree, path: string): FileError | undefined {
  if (tree.dirs.has(path)) return fileError('EISDIR');
  const parent = path.slice(0, path.lastIndexOf('/')) || '/';
  if (tree.files.has(parent)) return fileError('ENOTDIR');
  if (!tree.dirs.has(parent)) return fileError('ENOENT');
  const ro = tree.readOnly.filter((m) => under(path, m)).sort((a, b) => b.length - a.length)[0];
  const rw = tree.writable
    .filter((m) => under(path, m.mountPath))
    .sort((a, b) => b.mountPath.length - a.mountPath.length)[0];
  if (ro && (!rw || ro.length >= rw.mountPath.length)) return fileError('EROFS');
  return undefined;
}

/**
 * A container's files before anything ran: its image's files, its volume mounts (ConfigMaps, Secrets, downward API,
 * projected sources, empty writable volumes) and the service-account mount. The interpreter of container commands
 * reads these (it keeps its own writes itself).
 */
export function staticFiles(view: PodView, pod: KubeObject, containerName: string): ProcessFiles {
  let tree: Tree | undefined;
  const get = () => (tree ??= buildTree(view, pod, containerName, false));
  return { read: (p) => read(get(), normalisePath(p)), writeError: (p) => writeError(get(), normalisePath(p)) };
}

/** A container's files now, with every write of the pod's processes and of `kubectl exec` so far. */
export function containerFiles(view: PodView, pod: KubeObject, containerName: string): ProcessFiles {
  let tree: Tree | undefined;
  const get = () => (tree ??= buildTree(view, pod, containerName, true));
  return { read: (p) => read(get(), normalisePath(p)), writeError: (p) => writeError(get(), normalisePath(p)) };
}

/** Reads a file as `container` of `pod` sees it now (`cat`): its content, or ENOENT / EISDIR / ENOTDIR. */
export function readPodFile(view: PodView, pod: KubeObject, containerName: string, path: string): FileRead {
  return containerFiles(view, pod, containerName).read(path);
}

/** Lists a directory as `container` of `pod` sees it now (`ls`); hidden entries (`..data`) start with a dot. */
export function listPodDir(view: PodView, pod: KubeObject, containerName: string, path: string): DirListing {
  const tree = buildTree(view, pod, containerName, true);
  const dir = normalisePath(path);
  if (tree.files.has(dir)) return { ok: true, entries: [{ name: dir.slice(dir.lastIndexOf('/') + 1), type: 'file' }] };
  if (!tree.dirs.has(dir)) return read(tree, dir) as FileError;
  const entries = new Map<string, DirEntry['type']>();
  const prefix = dir === '/' ? '/' : `${dir}/`;
  for (const p of [...tree.files.keys(), ...tree.dirs]) {
    if (!p.startsWith(prefix) || p === dir) continue;
    const name = p.slice(prefix.length).split('/')[0]!;
    const full = prefix + name;
    entries.set(name, tree.links.has(full) ? 'link' : tree.files.has(full) ? 'file' : 'dir');
  }
  return {
    ok: true,
    entries: [...entries].map(([name, type]) => ({ name, type })).sort((a, b) => (a.name < b.name ? -1 : 1)),
  };
}

/**
 * Changes a file as `container` of `pod` would now (what `kubectl exec` runs: `echo x > f`, `>>`, `touch`, `rm`,
 * `mkdir`): EROFS under ConfigMap/Secret mounts, ENOENT when the parent directory is missing. Writes under an
 * emptyDir are seen by every container mounting it; others stay in the container's own layer.
 */
export function writePodFile(
  view: PodView,
  pod: KubeObject,
  containerName: string,
  path: string,
  change: { op: TimedWrite['op']; content?: string },
): { ok: true } | FileError {
  const full = normalisePath(path);
  const tree = buildTree(view, pod, containerName, true);
  if (change.op === 'remove') {
    if (!tree.files.has(full) && !tree.dirs.has(full)) return fileError('ENOENT');
  } else {
    const problem = change.op === 'mkdir' && tree.dirs.has(full) ? undefined : writeError(tree, full);
    if (problem) return problem;
  }
  if (change.op !== 'remove' && change.op !== 'mkdir' && tree.dirs.has(full)) return fileError('EISDIR');
  recordExecWrite(view.store, pod, {
    container: containerName,
    atMs: view.now().getTime(),
    path: full,
    op: change.op,
    content: change.content ?? '',
    previousRun: false,
  });
  return { ok: true };
}
