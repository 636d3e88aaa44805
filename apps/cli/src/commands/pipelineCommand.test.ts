import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../runCli.js';
import { memoryIo } from '../testing/index.js';

const cwd = mkdtempSync(join(tmpdir(), 'opspilot-cli-pipeline-'));
const env = { OPSPILOT_DATA_DIR: join(cwd, 'data'), OPSPILOT_USER: 'frank' };
const todo = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  '..',
  'packages',
  'manifests',
  'src',
  '__fixtures__',
  'todo-app',
);
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

async function cli(...argv: string[]) {
  const io = memoryIo(env, cwd);
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err(), json: () => JSON.parse(io.out()) };
}

describe('opspilot pipeline generate', () => {
  it('stores a valid GitHub Actions workflow for review and prints it', async () => {
    const r = await cli('-o', 'json', '-n', 'todo', 'pipeline', 'generate', todo, '--ci', 'github', '--name', 'todo');
    expect(r.code, r.err).toBe(0);
    const result = r.json();
    expect(result).toMatchObject({
      ci: 'github',
      path: '.github/workflows/deploy.yml',
      valid: true,
      state: 'NEEDS_REVIEW',
    });
    expect(result.content).toContain('helm upgrade --install todo charts/todo');
    expect(result.missing_dockerfiles).toEqual(['backend', 'frontend']);
    const review = await cli('review', 'approve', result.id);
    expect(review.code, review.err).toBe(0);
  });

  it('writes a GitLab CI pipeline into --out and says how to review it', async () => {
    const out = join(cwd, 'project');
    const r = await cli('pipeline', 'generate', todo, '--ci', 'gitlab', '--deploy', 'kubectl', '--out', out);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/\.gitlab-ci\.yml: valid — stored as [0-9a-f-]{36} \(NEEDS_REVIEW\)/);
    expect(r.out).toContain('opspilot generate dockerfile --from');
    expect(readFileSync(join(out, '.gitlab-ci.yml'), 'utf8')).toContain('kubectl rollout undo deployment/backend');
    const again = await cli('pipeline', 'generate', todo, '--ci', 'gitlab', '--out', out);
    expect(again.code).toBe(2);
    expect(existsSync(join(out, '.gitlab-ci.yml'))).toBe(true);
  });

  it('refuses an unknown CI system', async () => {
    const r = await cli('pipeline', 'generate', todo, '--ci', 'jenkins');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--ci github or --ci gitlab');
  });
});
