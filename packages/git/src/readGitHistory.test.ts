import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleGit } from 'simple-git';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGitHistory } from './readGitHistory.js';

const dir = mkdtempSync(join(tmpdir(), 'opspilot-git-'));

async function commit(message: string, author: string, email: string) {
  writeFileSync(join(dir, 'file.txt'), `${message}\n`);
  const git = simpleGit({ baseDir: dir });
  await git.add('file.txt');
  await git.commit(message, undefined, { '--author': `${author} <${email}>` });
}

beforeAll(async () => {
  const git = simpleGit({ baseDir: dir });
  await git.init();
  await git.addConfig('user.name', 'Test');
  await git.addConfig('user.email', 'test@example.com');
  await commit('feat: first', 'Ada', 'ada@example.com');
  await git.addTag('v1.0.0');
  await commit('fix(api): second\n\nCloses #3', 'Bob', 'bob@example.com');
  await commit('feat(ui)!: third', 'Ada', 'ada@example.com');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readGitHistory', () => {
  it('reads the commits since the latest tag, newest first, with subject and body', async () => {
    const h = await readGitHistory(dir);
    expect(h.from).toBe('v1.0.0');
    expect(h.commits.map((c) => c.subject)).toEqual(['feat(ui)!: third', 'fix(api): second']);
    expect(h.commits[1]).toMatchObject({ author_name: 'Bob', author_email: 'bob@example.com', body: 'Closes #3' });
    expect(h.commits[0]!.hash).toMatch(/^[0-9a-f]{40}$/);
  });

  it('reads the whole history up to a ref, and refuses what is not there', async () => {
    expect((await readGitHistory(dir, { until: 'v1.0.0' })).commits.map((c) => c.subject)).toEqual(['feat: first']);
    await expect(readGitHistory(dir, { since: 'v9' })).rejects.toThrow('no tag or commit named v9');
    await expect(readGitHistory(dir, { since: '--output=x' })).rejects.toThrow('invalid ref');
    await expect(readGitHistory(tmpdir())).rejects.toThrow('is not a git repository');
  });
});
