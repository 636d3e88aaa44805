import type { DetectedApp } from './detectedApp.js';
import { readPackageJson } from './detectNodeApp.js';
import { dirOf, joinPath, type ProjectFiles } from './projectFiles.js';

/** The npm, yarn or pnpm workspace a Node app belongs to. */
export interface NodeWorkspace {
  /** The workspace root (`''` for the project root), where the lock file is and the image is built from. */
  root: string;
  /** `npm`, `yarn` or `pnpm`, from the root's lock file. */
  packageManager: string;
  lock: boolean;
  /**
   * The app's workspace dependencies with a build script, dependencies first, as folders from the root: built
   * before the app (a shared TypeScript package compiled to dist/).
   */
  builds: string[];
}

function isWorkspaceRoot(project: ProjectFiles, dir: string): boolean {
  return (
    readPackageJson(project, dir)?.workspaces !== undefined ||
    project.read(joinPath(dir, 'pnpm-workspace.yaml')) !== undefined
  );
}

/** Every package of the workspace at `root` by its name (package.json files below it, dependencies excluded). */
function packagesOf(project: ProjectFiles, root: string): Map<string, string> {
  const byName = new Map<string, string>();
  const prefix = root === '' ? '' : `${root}/`;
  for (const path of project.paths()) {
    if (!path.startsWith(prefix) || !path.endsWith('/package.json')) continue;
    const dir = dirOf(path);
    const name = readPackageJson(project, dir)?.name;
    if (name) byName.set(name, dir);
  }
  return byName;
}

/**
 * The workspace of the app in `dir` when an ancestor folder is a workspace root (package.json `workspaces`, or
 * pnpm-workspace.yaml): the app is then built from that root with its lock file. Undefined for a standalone app.
 */
export function nodeWorkspaceOf(project: ProjectFiles, dir: string): NodeWorkspace | undefined {
  if (dir === '') return undefined;
  let root: string | undefined;
  for (let at = dirOf(dir); ; at = dirOf(at)) {
    if (isWorkspaceRoot(project, at)) root = at;
    if (at === '') break;
  }
  if (root === undefined) return undefined;
  const has = (f: string) => project.read(joinPath(root!, f)) !== undefined;
  const packageManager =
    has('pnpm-lock.yaml') || has('pnpm-workspace.yaml') ? 'pnpm' : has('yarn.lock') ? 'yarn' : 'npm';
  const lock = has('pnpm-lock.yaml') || has('yarn.lock') || has('package-lock.json');
  const packages = packagesOf(project, root);
  const builds: string[] = [];
  const visit = (pkgDir: string, seen: Set<string>) => {
    const pkg = readPackageJson(project, pkgDir);
    for (const dep of Object.keys({ ...pkg?.dependencies, ...pkg?.devDependencies })) {
      const depDir = packages.get(dep);
      if (depDir === undefined || seen.has(depDir)) continue;
      seen.add(depDir);
      visit(depDir, seen);
      if (readPackageJson(project, depDir)?.scripts.build && !builds.includes(depDir)) builds.push(depDir);
    }
  };
  visit(dir, new Set([dir]));
  const rel = (d: string) => (root === '' ? d : d.slice(root!.length + 1));
  return { root, packageManager, lock, builds: builds.map(rel) };
}

/**
 * A Node app (or a static build with a package.json) of a workspace, set to be built from the workspace root: its
 * package manager and lock are the root's, and `facts` say where it is (`buildContext`, `workspace`) and which
 * workspace packages it needs built first (`workspaceBuilds`).
 */
export function withNodeWorkspace(project: ProjectFiles, app: DetectedApp): DetectedApp {
  if (app.stack !== 'node' && app.stack !== 'static') return app;
  if (readPackageJson(project, app.path) === undefined) return app;
  const ws = nodeWorkspaceOf(project, app.path);
  if (!ws) return app;
  return {
    ...app,
    packageManager: ws.packageManager,
    facts: {
      ...app.facts,
      npmLock: String(ws.lock),
      buildContext: ws.root,
      workspace: ws.root === '' ? app.path : app.path.slice(ws.root.length + 1),
      workspaceBuilds: ws.builds.join(','),
    },
  };
}
