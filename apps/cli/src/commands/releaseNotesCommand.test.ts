import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleGit } from 'simple-git';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../runCli.js';
import { memoryIo } from '../testing/index.js';

const cwd = mkdtempSync(join(tmpdir(), 'opspilot-cli-notes-'));
const repo = join(cwd, 'repo');
const env = { OPSPILOT_DATA_DIR: join(cwd, 'data'), OPSPILOT_USER: 'frank' };

async function commit(message: string, author: string) {
  writeFileSync(join(repo, 'notes.txt'), message);
  const git = simpleGit({ baseDir: repo });
  await git.add('notes.txt');
  await git.commit(message, undefined, { '--author': `${author} <${author.toLowerCase()}@example.com>` });
}

beforeAll(async () => {
  const { mkdirSync } = await import('node:fs');
  mkdirSync(repo);
  const git = simpleGit({ baseDir: repo });
  await git.init();
  await git.addConfig('user.name', 'Test');
  await git.addConfig('user.email', 'test@example.com');
  await commit('chore: start', 'Ada');
  await git.addTag('v0.1.0');
  await commit('feat(api): todos can be shared\n\nCloses #21', 'Ada');
  await commit('fix(web)!: login keeps the session\n\nBREAKING CHANGE: sessions expire after 8 hours', 'Bob');
  await git.addTag('v0.2.0');
});
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

async function cli(...argv: string[]) {
  const io = memoryIo(env, cwd);
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err(), json: () => JSON.parse(io.out()) };
}

describe('opspilot release-notes', () => {
  it('prints Markdown notes of the tagged release, from the tag before it', async () => {
    const r = await cli('release-notes', 'repo');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('# Release notes v0.1.0..HEAD');
    expect(r.out).toContain('## ⚠ Breaking changes\n\n- **web:** sessions expire after 8 hours');
    expect(r.out).toContain('## Features\n\n### api\n\n- todos can be shared');
    expect(r.out).toContain('#21');
    expect(r.out).not.toContain('start');
  });

  it('gives the notes as data, since any tag', async () => {
    const r = await cli('-o', 'json', 'release-notes', 'repo', '--since', 'v0.1.0', '--until', 'v0.1.0');
    expect(r.code, r.err).toBe(0);
    expect(r.json()).toMatchObject({ commits: 0, range: { from: 'v0.1.0', to: 'v0.1.0' } });
    const all = await cli('-o', 'json', 'release-notes', 'repo', '--since', 'v0.1.0');
    expect(all.json().contributors.map((c: { name: string }) => c.name)).toEqual(['Ada', 'Bob']);
  });

  it('refuses an unknown tag and a folder that is not a repository', async () => {
    const r = await cli('release-notes', 'repo', '--since', 'v9');
    expect(r.code).toBe(2);
    expect(r.err).toContain('no tag or commit named v9');
    expect((await cli('release-notes', 'data')).code).toBe(2);
  });
});
