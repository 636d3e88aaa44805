import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readFolder, TODO_APP_DIR } from '../__fixtures__/todoChart.js';
import { generatePipeline } from './generatePipeline.js';
import { validatePipeline } from './validatePipeline.js';

const files = readFolder(TODO_APP_DIR);

function generated(ci: 'github' | 'gitlab', deploy: 'helm' | 'kubectl' = 'helm') {
  const r = generatePipeline(files, { ci, deploy, name: 'todo', namespace: 'todo', timeoutSeconds: 240 });
  if (!r.ok) throw r.error;
  return r.value;
}

describe('generatePipeline', () => {
  it('writes a GitHub Actions workflow for the Todo app that validates against GitHub’s workflow schema', async () => {
    const { file, missingDockerfiles } = generated('github');
    expect(file.path).toBe('.github/workflows/deploy.yml');
    expect(await validatePipeline('github', file.content, file.path)).toEqual([]);
    const doc = parse(file.content);
    expect(Object.keys(doc.jobs)).toEqual([
      'test-backend',
      'build-backend',
      'test-frontend',
      'build-frontend',
      'deploy',
    ]);
    expect(doc.jobs['test-backend'].steps[1]).toEqual({
      uses: 'actions/setup-python@v5',
      with: { 'python-version': '3.12' },
    });
    expect(doc.jobs['test-frontend'].steps[2].run).toBe('npm ci');
    const deploy = doc.jobs.deploy.steps.map((s: { run?: string }) => s.run ?? '').join('\n');
    expect(deploy).toContain('helm upgrade --install todo charts/todo');
    expect(deploy).toContain('--atomic --wait --timeout 240s');
    expect(deploy).toContain('--set apps.backend.image.tag=${{ github.sha }}');
    expect(deploy).toContain('kubectl rollout status deployment/frontend --namespace todo --timeout=240s');
    expect(doc.jobs.deploy.steps.at(-1)).toMatchObject({
      if: 'failure()',
      run: expect.stringContaining('helm rollback todo'),
    });
    expect(missingDockerfiles).toEqual(['backend', 'frontend']);
  });

  it('writes a GitLab CI pipeline that validates against GitLab’s published CI schema', async () => {
    for (const deploy of ['helm', 'kubectl'] as const) {
      const { file } = generated('gitlab', deploy);
      expect(file.path).toBe('.gitlab-ci.yml');
      expect(await validatePipeline('gitlab', file.content)).toEqual([]);
      const doc = parse(file.content);
      expect(doc.stages).toEqual(['test', 'build', 'scan', 'push', 'deploy', 'verify', 'rollback']);
      expect(doc['scan-backend'].script[0]).toContain('--exit-code 1');
      expect(doc.rollback.rules[0].when).toBe('on_failure');
      expect(doc.deploy.script.join('\n')).toContain(
        deploy === 'helm' ? '--atomic --wait --timeout 240s' : 'kubectl set image deployment/backend',
      );
    }
  });

  it('finds what each schema refuses', async () => {
    const github = await validatePipeline(
      'github',
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz: []\n',
    );
    expect(github.map((p) => p.message).join('\n')).toMatch(/stepz|steps/);
    const gitlab = await validatePipeline(
      'gitlab',
      'stages: [test]\njob:\n  stage: test\n  script: 42\n  when: sometimes\n',
    );
    expect(gitlab.length).toBeGreaterThan(0);
    expect(await validatePipeline('gitlab', 'a: [')).toEqual([
      expect.objectContaining({ message: expect.stringContaining('not YAML') }),
    ]);
  });

  it('refuses a folder with no app in it', () => {
    const r = generatePipeline([{ path: 'README.md', content: '# nothing' }], { ci: 'github' });
    expect(r.ok).toBe(false);
  });
});
