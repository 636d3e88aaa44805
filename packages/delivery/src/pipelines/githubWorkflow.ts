import type { DetectedProject } from '@opspilot/manifests';
import type { z } from 'zod';
import { deployCommands } from './deployCommands.js';
import type { PipelineOptions } from './pipelineOptions.js';
import { stackCommands } from './pipelineSteps.js';

type Options = z.output<typeof PipelineOptions>;

const run = (lines: string[]) => lines.join('\n');

/**
 * A GitHub Actions workflow for a project: per app a test job and a build job (build the image from the app's
 * Dockerfile, scan it with Trivy failing on HIGH/CRITICAL, push it to the registry), then one deploy job on the
 * deploy branch (helm or kubectl), which verifies every rollout and rolls back when a step failed.
 * @see https://docs.github.com/actions/reference/workflow-syntax-for-github-actions
 */
export function githubWorkflow(project: DetectedProject, options: Options): Record<string, unknown> {
  const registry = options.registry ?? 'ghcr.io/${{ github.repository }}';
  const image = (app: string) => ({ repository: `${registry}/${app}`, tag: '${{ github.sha }}' });
  const jobs: Record<string, unknown> = {};
  for (const app of project.apps) {
    const c = stackCommands(app);
    jobs[`test-${app.name}`] = {
      'runs-on': 'ubuntu-latest',
      defaults: { run: { 'working-directory': app.path || '.' } },
      steps: [
        { uses: 'actions/checkout@v4' },
        ...(c.setup ? [{ uses: c.setup.uses, with: c.setup.with }] : []),
        ...(c.install.length > 0 ? [{ name: 'Install', run: run(c.install) }] : []),
        { name: 'Test', run: run(c.test) },
      ],
    };
    const ref = `${image(app.name).repository}:${image(app.name).tag}`;
    jobs[`build-${app.name}`] = {
      needs: `test-${app.name}`,
      'runs-on': 'ubuntu-latest',
      permissions: { contents: 'read', packages: 'write' },
      steps: [
        { uses: 'actions/checkout@v4' },
        {
          name: 'Build image',
          run: `docker build --file ${app.path || '.'}/Dockerfile --tag ${ref} ${app.path || '.'}`,
        },
        {
          name: 'Scan image',
          uses: 'aquasecurity/trivy-action@0.28.0',
          with: { 'image-ref': ref, severity: 'HIGH,CRITICAL', 'exit-code': '1', 'ignore-unfixed': true },
        },
        {
          name: 'Push image',
          if: `github.event_name == 'push' && github.ref == 'refs/heads/${options.branch}'`,
          run: run([
            'echo "${{ secrets.GITHUB_TOKEN }}" | docker login ghcr.io --username "${{ github.actor }}" --password-stdin',
            `docker push ${ref}`,
          ]),
        },
      ],
    };
  }
  const commands = deployCommands(project, options, image);
  jobs.deploy = {
    needs: project.apps.map((a) => `build-${a.name}`),
    if: `github.event_name == 'push' && github.ref == 'refs/heads/${options.branch}'`,
    'runs-on': 'ubuntu-latest',
    environment: 'production',
    concurrency: { group: `deploy-${options.namespace}`, 'cancel-in-progress': false },
    steps: [
      { uses: 'actions/checkout@v4' },
      ...(options.deploy === 'helm' ? [{ uses: 'azure/setup-helm@v4', with: { version: 'v3.16.3' } }] : []),
      { uses: 'azure/setup-kubectl@v4' },
      {
        name: 'Cluster credentials',
        run: run([
          'mkdir -p "$HOME/.kube"',
          'echo "${{ secrets.KUBECONFIG }}" > "$HOME/.kube/config"',
          'chmod 600 "$HOME/.kube/config"',
        ]),
      },
      { name: 'Deploy', run: run(commands.deploy) },
      { name: 'Verify rollout', run: run(commands.verify) },
      { name: 'Roll back', if: 'failure()', run: run(commands.rollback) },
    ],
  };
  return {
    name: `${project.name}: test, build, scan, push, deploy`,
    on: { push: { branches: [options.branch] }, pull_request: {} },
    permissions: { contents: 'read' },
    jobs,
  };
}
