import { InputError, UpstreamError } from '@opspilot/core';
import { simpleGit } from 'simple-git';

/** One commit as {@link readGitHistory} returns it. */
export interface GitLogEntry {
  hash: string;
  date: string;
  author_name: string;
  author_email: string;
  subject: string;
  body: string;
}

/** Options of {@link readGitHistory}. */
export interface GitHistoryOptions {
  /** Commits after this tag or commit; default the latest tag reachable from `until`, or the whole history. */
  since?: string;
  /** The last commit (default `HEAD`). */
  until?: string;
}

/**
 * Reads the commits of a git repository between `since` (exclusive) and `until`, newest first, with the git binary
 * through simple-git. InputError when the folder is not a repository or a ref does not exist.
 * @see https://git-scm.com/docs/git-log
 */
export async function readGitHistory(
  dir: string,
  options: GitHistoryOptions = {},
): Promise<{ from?: string; to: string; commits: GitLogEntry[] }> {
  const git = simpleGit({ baseDir: dir });
  if (!(await git.checkIsRepo().catch(() => false))) {
    throw new InputError(`${dir} is not a git repository`, { hint: 'run it in a repository or pass its folder' });
  }
  const to = options.until ?? 'HEAD';
  for (const ref of [options.since, to].filter((r): r is string => !!r)) {
    if (ref.startsWith('-')) throw new InputError(`invalid ref ${ref}`, { hint: 'name a tag, branch or commit' });
    const found = await git.revparse(['--verify', '--quiet', `${ref}^{commit}`]).catch(() => '');
    if (!found.trim()) throw new InputError(`no tag or commit named ${ref}`, { hint: 'list tags with git tag' });
  }
  let from = options.since;
  if (!from) {
    from = await git.raw(['describe', '--tags', '--abbrev=0', to]).then(
      (t) => t.trim() || undefined,
      () => undefined,
    );
    if (from && (await git.revparse([`${from}^{commit}`])).trim() === (await git.revparse([`${to}^{commit}`])).trim()) {
      from = await git.raw(['describe', '--tags', '--abbrev=0', `${to}^`]).then(
        (t) => t.trim() || undefined,
        () => undefined,
      );
    }
  }
  try {
    // Two dots: the commits reachable from `to` and not from `from`.
    const log = await git.log(from ? { from, to, symmetric: false } : [to]);
    return {
      ...(from ? { from } : {}),
      to,
      commits: log.all.map((c) => ({
        hash: c.hash,
        date: new Date(c.date).toISOString(),
        author_name: c.author_name,
        author_email: c.author_email,
        subject: c.message,
        body: c.body.trim(),
      })),
    };
  } catch (error) {
    throw new UpstreamError(`git log failed: ${(error as Error).message}`, { source: 'git', cause: error });
  }
}
