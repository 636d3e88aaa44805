import type { DetectedProject } from '@opspilot/manifests';
import type { z } from 'zod';
import { deployCommands } from './deployCommands.js';
import type { PipelineOptions } from './pipelineOptions.js';
import { stackCommands } from './pipelineSteps.js';

type Options = z.output<typeof PipelineOptions>;

/**
 * A GitLab CI pipeline for a project, in stages test → build → scan → push → deploy → verify → rollback: per app a
 * test job, an image build (Docker-in-Docker, saved as an artefact), a Trivy scan failing on HIGH/CRITICAL and a
 * push to the project's registry; then deploy (helm or kubectl) and verify on the default branch, and a rollback job
 * that runs only when an earlier job failed.
 * @see https://docs.gitlab.com/ci/yaml/
 */
export function gitlabPipeline(project: DetectedProject, options: Options): Record<string, unknown> {
  const registry = options.registry ?? '$CI_REGISTRY_IMAGE';
  const image = (app: string) => ({ repository: `${registry}/${app}`, tag: '$CI_COMMIT_SHA' });
  const onBranch = [{ if: `$CI_COMMIT_BRANCH == "${options.branch}"` }];
  const docker = { image: 'docker:27', services: ['docker:27-dind'], variables: { DOCKER_TLS_CERTDIR: '/certs' } };
  const pipeline: Record<string, unknown> = {
    stages: ['test', 'build', 'scan', 'push', 'deploy', 'verify', 'rollback'],
    workflow: { rules: [{ if: '$CI_PIPELINE_SOURCE == "merge_request_event"' }, { if: '$CI_COMMIT_BRANCH' }] },
  };
  for (const app of project.apps) {
    const c = stackCommands(app);
    const dir = app.path || '.';
    const ref = `${image(app.name).repository}:${image(app.name).tag}`;
    const tar = `image-${app.name}.tar`;
    pipeline[`test-${app.name}`] = {
      stage: 'test',
      image: c.image,
      script: [`cd ${dir}`, ...c.install, ...c.test],
    };
    pipeline[`build-${app.name}`] = {
      stage: 'build',
      ...docker,
      needs: [`test-${app.name}`],
      script: [`docker build --file ${dir}/Dockerfile --tag ${ref} ${dir}`, `docker save ${ref} --output ${tar}`],
      artifacts: { paths: [tar], expire_in: '1 day' },
    };
    pipeline[`scan-${app.name}`] = {
      stage: 'scan',
      image: { name: 'aquasec/trivy:0.58.1', entrypoint: [''] },
      needs: [`build-${app.name}`],
      script: [`trivy image --input ${tar} --severity HIGH,CRITICAL --exit-code 1 --ignore-unfixed`],
    };
    pipeline[`push-${app.name}`] = {
      stage: 'push',
      ...docker,
      needs: [`build-${app.name}`, `scan-${app.name}`],
      rules: onBranch,
      script: [
        'echo "$CI_REGISTRY_PASSWORD" | docker login "$CI_REGISTRY" --username "$CI_REGISTRY_USER" --password-stdin',
        `docker load --input ${tar}`,
        `docker push ${ref}`,
      ],
    };
  }
  const commands = deployCommands(project, options, image);
  const tools = options.deploy === 'helm' ? 'alpine/k8s:1.31.4' : 'bitnami/kubectl:1.31';
  pipeline.deploy = {
    stage: 'deploy',
    image: { name: tools, entrypoint: [''] },
    needs: project.apps.map((a) => `push-${a.name}`),
    rules: onBranch,
    environment: { name: 'production' },
    resource_group: `deploy-${options.namespace}`,
    script: commands.deploy,
  };
  pipeline.verify = {
    stage: 'verify',
    image: { name: tools, entrypoint: [''] },
    needs: ['deploy'],
    rules: onBranch,
    script: commands.verify,
  };
  pipeline.rollback = {
    stage: 'rollback',
    image: { name: tools, entrypoint: [''] },
    rules: [{ if: `$CI_COMMIT_BRANCH == "${options.branch}"`, when: 'on_failure' }],
    resource_group: `deploy-${options.namespace}`,
    script: commands.rollback,
  };
  return pipeline;
}
