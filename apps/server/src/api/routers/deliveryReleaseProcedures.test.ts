import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { simpleGit } from 'simple-git';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../testing/index.js';

/** A repository with a tag and conventional commits after it, built here with git. */
async function testRepository(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'opspilot-notes-'));
  const git = simpleGit({ baseDir: dir });
  await git.init();
  await git.addConfig('user.name', 'Test');
  await git.addConfig('user.email', 'test@example.com');
  const commit = async (message: string, author: string) => {
    writeFileSync(join(dir, 'file.txt'), `${message}\n`);
    await git.add('file.txt');
    await git.commit(message, undefined, { '--author': `${author} <${author.toLowerCase()}@example.com>` });
  };
  await commit('chore: start', 'Ana');
  await git.addTag('v1.0.0');
  await commit('feat(api): list todos by tag (#12)', 'Ana');
  await commit('fix(web): keep the filter on reload', 'Bo');
  await commit('feat!: drop the v1 API\n\nBREAKING CHANGE: /v1 is gone', 'Ana');
  return dir;
}

describe('delivery: releases, pipelines and release notes for the web page', () => {
  let t: TestApi;
  let repo: string;
  let notRepo: string;

  beforeAll(async () => {
    repo = await testRepository();
    notRepo = mkdtempSync(join(tmpdir(), 'opspilot-plain-'));
    t = await startTestApi({ config: { delivery: { repositories: [repo, notRepo] } } });
  }, 60_000);
  afterAll(async () => t?.close());

  it('lists the configured repositories and writes release notes since the latest tag', async () => {
    const repos = (await t.rest('GET', '/delivery/repositories', t.users.viewer.token)).json();
    expect(repos).toEqual([{ name: basename(repo) }, { name: basename(notRepo) }]);
    const notes = await t.rest('GET', `/delivery/release-notes?repository=${basename(repo)}`, t.users.viewer.token);
    expect(notes.statusCode, notes.body).toBe(200);
    const body = notes.json();
    expect(body).toMatchObject({ range: { from: 'v1.0.0', to: 'HEAD' }, commits: 3, issues: ['#12'] });
    expect(body.breaking.map((c: { description: string }) => c.description)).toEqual(['drop the v1 API']);
    expect(body.sections.map((s: { title: string }) => s.title)).toEqual(['Features', 'Bug fixes']);
    expect(body.contributors.map((c: { name: string; commits: number }) => [c.name, c.commits])).toEqual([
      ['Ana', 2],
      ['Bo', 1],
    ]);
    expect(body.markdown).toContain('list todos by tag');
    const range = await t.rest(
      'GET',
      `/delivery/release-notes?repository=${basename(repo)}&since=v1.0.0&until=HEAD~2`,
      t.users.viewer.token,
    );
    expect(range.json().commits).toBe(1);
  });

  it('says clearly when a folder is not a repository, a ref is unknown or a repository is not configured', async () => {
    const plain = await t.rest('GET', `/delivery/release-notes?repository=${basename(notRepo)}`, t.users.viewer.token);
    expect(plain.statusCode).toBe(400);
    expect(plain.json().message).toContain('is not a git repository');
    const badRef = await t.rest(
      'GET',
      `/delivery/release-notes?repository=${basename(repo)}&since=v9.9.9`,
      t.users.viewer.token,
    );
    expect(badRef.statusCode).toBe(400);
    expect(badRef.json().message).toContain('no tag or commit named v9.9.9');
    const unknown = await t.rest('GET', '/delivery/release-notes?repository=etc', t.users.viewer.token);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().message).toContain('repository etc is not configured');
  });

  it('lists generated pipelines with their review state and schema findings', async () => {
    const valid = await t.store.generatedConfigs.create({
      file_path: '.github/workflows/deploy.yml',
      content: 'name: deploy\n',
      generator_tool: 'opspilot-generate',
      resource_type: 'GitHubWorkflow',
    });
    await t.store.generatedConfigs.create({
      file_path: '.gitlab-ci.yml',
      content: 'stages: 1\n',
      generator_tool: 'opspilot-generate',
      resource_type: 'GitLabCI',
      validation_results: [{ rule: 'gitlab-ci-schema', severity: 'ERROR', message: '/stages: must be array' }],
    });
    await t.store.generatedConfigs.create({
      file_path: 'Dockerfile',
      content: 'FROM node:20\n',
      generator_tool: 'opspilot-generate',
      resource_type: 'Dockerfile',
    });
    const listed = await t.rest('GET', '/delivery/pipelines', t.users.viewer.token);
    expect(listed.statusCode, listed.body).toBe(200);
    const rows = listed.json() as { id: string; ci: string; valid: boolean; problems: { message: string }[] }[];
    expect(rows.map((r) => r.ci).sort()).toEqual(['github', 'gitlab']);
    expect(rows.find((r) => r.id === valid.id)).toMatchObject({ valid: true, problems: [] });
    expect(rows.find((r) => r.ci === 'gitlab')).toMatchObject({ valid: false });
    expect(rows.find((r) => r.ci === 'gitlab')?.problems[0]?.message).toContain('must be array');
  });
});
