import { err, InputError, ok, type Result } from '@opspilot/core';
import { type ComposeProject, type ComposeService, readComposeProject } from './composeServices.js';
import { detectDotnetApp } from './detectDotnetApp.js';
import { appNameOf, type DetectedApp, envExampleKeys } from './detectedApp.js';
import { detectGoApp } from './detectGoApp.js';
import { detectJavaApp } from './detectJavaApp.js';
import { detectNodeApp, readPackageJson } from './detectNodeApp.js';
import { detectPythonApp } from './detectPythonApp.js';
import { detectStaticSite } from './detectStaticSite.js';
import { readExistingDockerfile } from './existingDockerfile.js';
import { withNodeWorkspace } from './nodeWorkspace.js';
import { dirOf, joinPath, type ProjectFile, type ProjectFiles, projectFilesOf } from './projectFiles.js';
import { containerApp, withDockerfile } from './withDockerfile.js';

/** What {@link detectProject} found: the project's name and its deployable apps (several in a monorepo). */
export interface DetectedProject {
  name: string;
  apps: DetectedApp[];
  /** True when the apps live in sub-folders (a monorepo), false for one app at the root. */
  monorepo: boolean;
  /** What the user should know about the project as a whole (compose services run from images …). */
  notes?: string[];
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
  'Dockerfile',
]);

const DETECTORS = [detectNodeApp, detectPythonApp, detectGoApp, detectJavaApp, detectDotnetApp];

const ENV_EXAMPLES = ['.env.example', '.env.sample', '.env.template', '.env.dist'];

/** Folders of test data and test suites: the projects in them are fixtures, not apps of the repository. */
const TEST_FOLDERS = new Set(['__fixtures__', 'fixtures', 'testdata', '__tests__', 'test', 'tests', 'e2e']);

function candidateDirs(project: ProjectFiles, compose: ComposeProject | undefined): string[] {
  const dirs = new Set<string>(compose?.built.map((s) => s.dir) ?? []);
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

/**
 * The apps of a folder a compose service builds: when the folder holds several programs, the one the service's
 * Dockerfile sits beside, else the one named like the service, else the first; every app without a compose service.
 */
function programsOf(found: DetectedApp[], service: ComposeService | undefined): DetectedApp[] {
  if (!service || found.length === 1) return found;
  const byDockerfile = found.find((a) => service.dockerfile !== undefined && dirOf(service.dockerfile) === a.path);
  return [byDockerfile ?? found.find((a) => a.name === service.name) ?? found[0]!];
}

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
 * a nested tool config) and workspace roots (npm, yarn, pnpm) are not apps of their own. A folder's own Dockerfile
 * (or the one the compose file names for it) is used rather than generated, and its EXPOSE and CMD win; a folder
 * with only a Dockerfile is an app of its own; the services a compose file builds are apps under the compose name,
 * those it runs from images are listed in the project's notes. Libraries (no main, no server start, no executable
 * jar) are not apps. InputError when nothing deployable is found.
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
  const compose = readComposeProject(project);
  const workspaceRoot = rootPkg?.workspaces !== undefined || project.read('pnpm-workspace.yaml') !== undefined;
  const apps: DetectedApp[] = [];
  /** Folders of modules with several programs: their cmd/* folders are theirs, not apps of their own. */
  const modules: string[] = [];
  const notes: string[] = [];
  for (const dir of candidateDirs(project, compose)) {
    // An app's nested folders are its own (public/, a tool config); an app known only by its Dockerfile does not
    // hide the apps below it (a root Dockerfile beside services/*).
    if (apps.some((app) => app.stack !== 'container' && inside(dir, app.path) && app.path !== dir)) continue;
    if (dir === '' && workspaceRoot) continue;
    const fallback = dir === '' ? name : (dir.split('/').pop() ?? name);
    if (modules.some((m) => inside(dir, m) && m !== dir)) continue;
    const detected =
      DETECTORS.map((detect) => detect(project, dir, fallback)).find(Boolean) ??
      detectStaticSite(project, dir, fallback);
    // A detector finds one app, or several (a Go module's cmd/* programs, each in its own folder).
    const found = (Array.isArray(detected) ? detected : detected ? [detected] : []).map((app) =>
      withNodeWorkspace(project, app),
    );
    if (found.length > 1) {
      modules.push(dir);
      const shared = joinPath(dir, 'Dockerfile');
      if (!found.some((a) => a.path === dir) && project.read(shared) !== undefined) {
        notes.push(
          `${shared} is not used: ${dir || 'the module'} has ${found.length} programs (${found.map((a) => a.name).join(', ')}), each built by a Dockerfile in its own folder`,
        );
      }
    }
    const services: (ComposeService | undefined)[] = compose?.built.filter((s) => s.dir === dir) ?? [];
    for (const service of services.length > 0 ? services : [undefined]) {
      if (found.length === 0) {
        const dockerfile = readExistingDockerfile(project, service?.dockerfile ?? joinPath(dir, 'Dockerfile'));
        if (dockerfile) apps.push(withEnvExample(project, containerApp(dir, fallback, dockerfile, service)));
        continue;
      }
      for (const app of programsOf(found, service)) {
        const dockerfile = readExistingDockerfile(project, service?.dockerfile ?? joinPath(app.path, 'Dockerfile'));
        apps.push(withEnvExample(project, withDockerfile(app, dockerfile, service)));
      }
    }
  }
  const rootOnly = apps.find((a) => a.path === '' && a.stack === 'container');
  if (rootOnly && apps.length > 1) {
    apps.splice(apps.indexOf(rootOnly), 1);
    notes.push(
      `${rootOnly.facts.dockerfile} at the root is not taken as a service of its own: the services are the ${apps.length} apps below it`,
    );
  }
  if (compose && compose.images.length > 0) {
    notes.push(
      `${compose.file} also runs ${compose.images.map((i) => `${i.name} (${i.image})`).join(', ')} from images: deploy those separately and give the apps their addresses`,
    );
  }
  if (apps.length === 0) {
    return err(
      new InputError(
        'no deployable app found: no Node, Python, Go, Java, .NET, static-site or Dockerfile project in the folder',
        {
          hint: 'point --from at a folder with a package.json (with a start script or Next.js/Express), requirements.txt or pyproject.toml (FastAPI/Flask/Django), go.mod, pom.xml, build.gradle (with a main class or Spring Boot), a web or Exe *.csproj, index.html, a Dockerfile, or a compose file that builds services',
        },
      ),
    );
  }
  return ok({
    name,
    apps: uniqueNames(apps),
    monorepo: apps.some((a) => a.path !== ''),
    ...(notes.length > 0 ? { notes } : {}),
  });
}
