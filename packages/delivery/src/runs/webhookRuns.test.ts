import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { githubRunOf } from './githubRun.js';
import { gitlabRunOf } from './gitlabRun.js';

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`./__fixtures__/${name}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;

describe('runs from webhook payloads', () => {
  it('reads a completed GitHub workflow_run', () => {
    const r = githubRunOf('workflow_run', fixture('github-workflow_run-completed'));
    if (!r.ok) throw r.error;
    expect(r.value).toEqual({
      provider: 'GITHUB',
      kind: 'WORKFLOW_RUN',
      run_key: 'github:acme/todo:workflow_run:7301450221',
      external_id: '7301450221',
      suite_key: 'github:acme/todo:check_suite:19004417733',
      repository: 'acme/todo',
      pipeline: 'CI',
      status: 'SUCCEEDED',
      conclusion: 'success',
      commit_sha: '3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39',
      commit_message: 'feat(api): add due dates to todos',
      commit_at: '2026-11-30T08:58:12.000Z',
      ref: 'main',
      tag: false,
      author: 'Mona Lisa',
      trigger: 'push',
      url: 'https://github.com/acme/todo/actions/runs/7301450221',
      started_at: '2026-11-30T09:12:03.000Z',
      finished_at: '2026-11-30T09:19:41.000Z',
      duration_ms: 458_000,
    });
  });

  it('reads a failed GitHub check_suite and ignores a ping', () => {
    const r = githubRunOf('check_suite', fixture('github-check_suite-completed'));
    if (!r.ok) throw r.error;
    expect(r.value).toMatchObject({
      kind: 'CHECK_SUITE',
      run_key: 'github:acme/todo:check_suite:19004417733',
      suite_key: 'github:acme/todo:check_suite:19004417733',
      status: 'FAILED',
      pipeline: 'GitHub Actions',
      duration_ms: 266_000,
    });
    expect(githubRunOf('ping', { zen: 'Design for failure.' })).toEqual({ ok: true, value: undefined });
  });

  it('refuses a workflow_run payload without its run', () => {
    const r = githubRunOf('workflow_run', { action: 'completed', repository: { full_name: 'acme/todo' } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('workflow_run');
  });

  it('reads a GitLab Pipeline Hook with its jobs as stages in order', () => {
    const r = gitlabRunOf('Pipeline Hook', fixture('gitlab-pipeline-hook'));
    if (!r.ok) throw r.error;
    expect(r.value).toMatchObject({
      provider: 'GITLAB',
      kind: 'PIPELINE',
      run_key: 'gitlab:platform/billing:pipeline:1422870331',
      repository: 'platform/billing',
      pipeline: 'Deploy to production',
      status: 'SUCCEEDED',
      ref: 'v1.4.2',
      tag: true,
      author: 'Grace Hopper',
      commit_at: '2026-12-01T12:40:05.000Z',
      started_at: '2026-12-01T14:02:11.000Z',
      finished_at: '2026-12-01T14:13:52.000Z',
      duration_ms: 684_000,
    });
    expect((r.value!.stages ?? []).map((s) => [s.name, s.status, s.duration_ms])).toEqual([
      ['test/unit', 'SUCCEEDED', 186_000],
      ['build/image', 'SUCCEEDED', 256_100],
      ['deploy/deploy', 'SUCCEEDED', 252_400],
    ]);
  });

  it('reads a GitLab Job Hook as a run under its pipeline', () => {
    const r = gitlabRunOf('Job Hook', fixture('gitlab-job-hook'));
    if (!r.ok) throw r.error;
    expect(r.value).toMatchObject({
      kind: 'JOB',
      run_key: 'gitlab:platform/billing:job:8650411294',
      parent_key: 'gitlab:platform/billing:pipeline:1422870331',
      pipeline: 'test/unit',
      status: 'FAILED',
      conclusion: 'failed',
      duration_ms: 186_000,
    });
    expect(gitlabRunOf('Push Hook', {})).toEqual({ ok: true, value: undefined });
  });
});
