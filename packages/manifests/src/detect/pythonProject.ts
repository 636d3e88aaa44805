import { joinPath, type ProjectFiles } from './projectFiles.js';

/** How a Python project declares and locks its dependencies. */
export interface PythonProject {
  /** `uv` (uv.lock or `[tool.uv]`), `poetry` (`[tool.poetry]` or poetry.lock), `pipenv` (Pipfile), else `pip`. */
  manager: 'uv' | 'poetry' | 'pipenv' | 'pip';
  /** The dependency files found, lower-cased and joined (for looking up a package by name). */
  text: string;
  files: string[];
  /** `3.12`: from .python-version, requires-python (pyproject or uv.lock), Poetry's `python = "^3.11"`, runtime.txt. */
  version: string;
  /** True when the project has a lock file its manager installs from exactly (uv.lock, poetry.lock, Pipfile.lock). */
  locked: boolean;
  /** True when requirements.txt is there (pip installs from it even in a pyproject project). */
  requirements: boolean;
}

const FILES = ['requirements.txt', 'pyproject.toml', 'Pipfile', 'uv.lock', 'poetry.lock', 'Pipfile.lock'];

function versionOf(texts: (string | undefined)[]): string | undefined {
  const [pinned, pyproject, uvLock, runtime] = texts;
  return (
    /^(3\.\d+)/.exec(pinned?.trim() ?? '')?.[1] ??
    /requires-python\s*=\s*["'][^"'\d]*(3\.\d+)/.exec(pyproject ?? '')?.[1] ??
    /^python\s*=\s*["'][^"'\d]*(3\.\d+)/m.exec(pyproject ?? '')?.[1] ??
    /requires-python\s*=\s*["'][^"'\d]*(3\.\d+)/.exec(uvLock ?? '')?.[1] ??
    /python-(3\.\d+)/.exec(runtime ?? '')?.[1]
  );
}

/** The Python project of `dir`, or undefined when it has no dependency file. */
export function readPythonProject(project: ProjectFiles, dir: string): PythonProject | undefined {
  const read = (name: string) => project.read(joinPath(dir, name));
  const files = FILES.filter((f) => read(f) !== undefined);
  if (!files.some((f) => ['requirements.txt', 'pyproject.toml', 'Pipfile'].includes(f))) return undefined;
  const pyproject = read('pyproject.toml') ?? '';
  const manager =
    read('uv.lock') !== undefined || /^\[tool\.uv\]/m.test(pyproject)
      ? 'uv'
      : /^\[tool\.poetry\]/m.test(pyproject) || read('poetry.lock') !== undefined
        ? 'poetry'
        : read('requirements.txt') === undefined && read('Pipfile') !== undefined
          ? 'pipenv'
          : 'pip';
  const version = versionOf([read('.python-version'), pyproject, read('uv.lock'), read('runtime.txt')]) ?? '3.12';
  return {
    manager,
    text: files.map((f) => read(f)!.toLowerCase()).join('\n'),
    files: files.map((f) => joinPath(dir, f)),
    version: Number(version.split('.')[1]) >= 9 ? version : '3.12',
    locked: ['uv.lock', 'poetry.lock', 'Pipfile.lock'].some((f) => files.includes(f)),
    requirements: files.includes('requirements.txt'),
  };
}
