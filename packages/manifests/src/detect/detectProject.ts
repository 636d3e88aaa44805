import { err, InputError, ok, type Result } from '@opspilot/core';
import { detectDotnetApp } from './detectDotnetApp.js';
import { appNameOf, type DetectedApp, envExampleKeys } from './detectedApp.js';
import { detectGoApp } from './detectGoApp.js';
import { detectJavaApp } from './detectJavaApp.js';
import { detectNodeApp, readPackageJson } from './detectNodeApp.js';
import { detectPythonApp } from './detectPythonApp.js';
import { detectStaticSite } from './detectStaticSite.js';
import { dirOf, joinPath, type ProjectFile, type ProjectFiles, projectFilesOf } from './projectFiles.js';

/** What {@link detectProject} found: the project's name and its deployable apps (several in a monorepo). */
export interface DetectedProject {
  name: string;
  apps: DetectedApp[];
  /** True when the apps live in sub-folders (a monorepo), false for one app at the root. */
  monorepo: boolean;
}

const MARKERS = new Set([
  'package.json',
  'requirements.txt',
  'pyproject.toml',
  'Pipfile',
  'go.mod',
  'pom.xml',
  'build.gradle',
  'build.gradle.kts',
  'index.html',
]);

const DETECTORS = [detectNodeApp, detectPythonApp, detectGoApp, detectJavaApp, detectDotnetApp];

const ENV_EXAMPLES = ['.env.example', '.env.sample', '.env.template', '.env.dist'];

/** Folders of test data and test suites: the projects in them are fixtures, not apps of the repository. */
const TEST_FOLDERS = new Set(['__fixtures__', 'fixtures', 'testdata', '__tests__', 'test', 'tests', 'e2e']);

function candidateDirs(project: ProjectFiles): string[] {
  const dirs = new Set<string>();
  for (const path of project.paths()) {
    const name = path.split('/').pop() ?? '';
    if (
      path
        .split('/')
        .slice(0, -1)
        .some((segment) => TEST_FOLDERS.has(segment))
    )
      continue;
    if (!MARKERS.has(name) && !name.endsWith('.csproj')) continue;
    const dir = dirOf(path);
    dirs.add(name === 'index.html' && dir.endsWith('public') ? dirOf(dir) : dir);
  }
  return [...dirs].sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b));
}

/**
 * The app with the keys of its `.env.example` (or `.env.sample` …) added to the variables it reads: the file
 * documents what the app needs even when the code reads it through a library. Not for static builds, whose
 * variables are baked in at build time.
 */
function withEnvExample(project: ProjectFiles, app: DetectedApp): DetectedApp {
  if (app.stack === 'static') return app;
  const keys = envExampleKeys(ENV_EXAMPLES.map((f) => project.read(joinPath(app.path, f))));
  if (keys.length === 0) return app;
  return { ...app, env: [...new Set([...app.env, ...keys])].sort() };
}

const inside = (dir: string, parent: string) => parent === '' || dir.startsWith(`${parent}/`);

function uniqueNames(apps: DetectedApp[]): DetectedApp[] {
  const seen = new Map<string, number>();
  return apps.map((app) => {
    const count = seen.get(app.name) ?? 0;
    seen.set(app.name, count + 1);
    if (count === 0) return app;
    return { ...app, name: appNameOf(`${app.name}-${app.path.split('/').pop() ?? count}`) };
  });
}

/**
 * Finds the deployable apps of a project held in memory (no I/O): every folder with a package.json,
 * requirements.txt / pyproject.toml / Pipfile, go.mod, pom.xml / build.gradle or a static index.html is tried with
 * the Node, Python, Go, Java and static-site detectors in that order; folders inside a detected app (its `public/`,
 * a nested tool config) and npm-workspace roots are not apps of their own. InputError when nothing deployable is
 * found.
 * @example
 * const r = detectProject([{ path: 'backend/requirements.txt', content: 'fastapi' }, …], { name: 'todo' });
 */
export function detectProject(
  input: ProjectFiles | readonly ProjectFile[],
  options: { name?: string } = {},
): Result<DetectedProject, InputError> {
  const project = Array.isArray(input) ? projectFilesOf(input as ProjectFile[]) : (input as ProjectFiles);
  const rootPkg = readPackageJson(project, '');
  const name = appNameOf(options.name ?? rootPkg?.name ?? 'app');
  const apps: DetectedApp[] = [];
  for (const dir of candidateDirs(project)) {
    if (apps.some((app) => inside(dir, app.path) && app.path !== dir)) continue;
    if (dir === '' && rootPkg?.workspaces !== undefined) continue;
    const fallback = dir === '' ? name : (dir.split('/').pop() ?? name);
    const found =
      DETECTORS.map((detect) => detect(project, dir, fallback)).find(Boolean) ??
      detectStaticSite(project, dir, fallback);
    if (found) apps.push(withEnvExample(project, found));
  }
  if (apps.length === 0) {
    return err(
      new InputError('no deployable app found: no Node, Python, Go, Java, .NET or static-site project in the folder', {
        hint: 'point --from at a folder with a package.json (with a start script or Next.js/Express), requirements.txt or pyproject.toml (FastAPI/Flask/Django), go.mod, pom.xml, build.gradle (with a main class or Spring Boot), a web or Exe *.csproj, or index.html',
      }),
    );
  }
  return ok({ name, apps: uniqueNames(apps), monorepo: apps.some((a) => a.path !== '') });
}
