/** A file of a chosen folder, as the browser gives it (`File` with `webkitRelativePath`). */
export interface FolderEntry {
  /** `shop/apps/server/package.json`: the chosen folder's name first. */
  webkitRelativePath: string;
  size: number;
  text(): Promise<string>;
}

/** Folders that never hold what a service is detected from (dependencies, build output, VCS), as the CLI skips them. */
const SKIPPED = new Set([
  'node_modules',
  '.git',
  '.hg',
  '.svn',
  'dist',
  'build',
  'target',
  'out',
  '.next',
  '.nuxt',
  '.turbo',
  '.venv',
  'venv',
  '__pycache__',
  '.gradle',
  'bin',
  'obj',
  'vendor',
  'coverage',
]);

/** Files over this size are left out (lock files of big workspaces; the API takes 1 MiB per file). */
export const MAX_FILE_BYTES = 512 * 1024;

/** What {@link readProjectFolder} read: the folder's name, its text files and how many were left out. */
export interface ProjectFolder {
  name: string;
  files: { path: string; content: string }[];
  skipped: number;
}

/**
 * Reads the text files of a folder chosen in the browser, paths relative to the folder, leaving out dependency and
 * build folders, files over {@link MAX_FILE_BYTES} and binary files (a NUL character), as `opspilot generate --from`
 * reads a folder.
 */
export async function readProjectFolder(entries: readonly FolderEntry[]): Promise<ProjectFolder> {
  const name = entries[0]?.webkitRelativePath.split('/')[0] ?? 'project';
  const files: ProjectFolder['files'] = [];
  let skipped = 0;
  for (const entry of entries) {
    const path = entry.webkitRelativePath.split('/').slice(1).join('/');
    const folders = path.split('/').slice(0, -1);
    if (path === '' || folders.some((f) => SKIPPED.has(f))) continue;
    if (entry.size > MAX_FILE_BYTES) {
      skipped++;
      continue;
    }
    const content = await entry.text();
    if (content.includes('\u0000')) {
      skipped++;
      continue;
    }
    files.push({ path, content });
  }
  files.sort((a, b) => a.path.localeCompare(b.path));
  return { name, files, skipped };
}

/** A folder name as a Kubernetes name (`My_Shop` → `my-shop`), the project name the page proposes. */
export function projectNameOf(folder: string): string {
  const name = folder
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 53)
    .replace(/-+$/g, '');
  return name === '' ? 'app' : /^[0-9]/.test(name) ? `app-${name}`.slice(0, 53) : name;
}
