import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { InputError, NotFoundError } from '@opspilot/core';
import { IGNORED_FOLDERS, type ProjectFile } from '@opspilot/manifests';

const MAX_FILE_BYTES = 1024 * 1024;
const MAX_FILES = 20_000;

/**
 * Reads the text files of a project folder for detection (the engine does no I/O): dependency and build folders
 * are skipped, as are files over 1 MiB and binary files. NotFoundError when the folder does not exist.
 */
export function generateReadProject(dir: string): ProjectFile[] {
  let stat: ReturnType<typeof statSync> | undefined;
  try {
    stat = statSync(dir);
  } catch {
    stat = undefined;
  }
  if (!stat?.isDirectory()) {
    throw new NotFoundError(`project folder ${dir} not found`, { hint: 'pass --from with the folder of your project' });
  }
  const files: ProjectFile[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!IGNORED_FOLDERS.has(entry.name)) walk(path);
        continue;
      }
      if (!entry.isFile() || statSync(path).size > MAX_FILE_BYTES) continue;
      const content = readFileSync(path);
      if (content.includes(0)) continue;
      if (files.length >= MAX_FILES) {
        throw new InputError(`${dir} holds more than ${MAX_FILES} files`, {
          hint: 'point --from at the folder of the project itself, not a parent of many projects',
        });
      }
      files.push({ path: relative(dir, path).split(sep).join('/'), content: content.toString('utf8') });
    }
  };
  walk(dir);
  return files;
}
