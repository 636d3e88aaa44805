import type { DetectedProject } from '@opspilot/manifests';
import type { z } from 'zod';
import type { PipelineOptions } from './pipelineOptions.js';

type Options = z.output<typeof PipelineOptions>;

/** The shell commands that deploy, verify and roll back a project, given each app's image reference expression. */
export interface DeployCommands {
  deploy: string[];
  verify: string[];
  rollback: string[];
}

/**
 * `helm upgrade --install --atomic --wait --timeout` with every app's image set (the chart `generate helm-chart`
 * writes takes `apps.<app>.image.repository|tag`), or `kubectl set image` on each Deployment; then the rollout
 * status of every Deployment; and the way back (`helm rollback` or `kubectl rollout undo`).
 * @see https://helm.sh/docs/helm/helm_upgrade/
 */
export function deployCommands(
  project: DetectedProject,
  options: Options,
  image: (app: string) => { repository: string; tag: string },
): DeployCommands {
  const ns = options.namespace;
  const release = options.release ?? project.name;
  const timeout = `${options.timeoutSeconds}s`;
  const verify = project.apps.map(
    (a) => `kubectl rollout status deployment/${a.name} --namespace ${ns} --timeout=${timeout}`,
  );
  if (options.deploy === 'kubectl') {
    return {
      deploy: project.apps.map((a) => {
        const i = image(a.name);
        return `kubectl set image deployment/${a.name} ${a.name}=${i.repository}:${i.tag} --namespace ${ns}`;
      }),
      verify,
      rollback: project.apps.map((a) => `kubectl rollout undo deployment/${a.name} --namespace ${ns}`),
    };
  }
  const sets = project.apps.flatMap((a) => {
    const i = image(a.name);
    return [`--set apps.${a.name}.image.repository=${i.repository}`, `--set apps.${a.name}.image.tag=${i.tag}`];
  });
  const chart = options.chart ?? `charts/${project.name}`;
  return {
    deploy: [
      [
        `helm upgrade --install ${release} ${chart}`,
        `--namespace ${ns} --create-namespace`,
        `--atomic --wait --timeout ${timeout}`,
        ...sets,
      ].join(' \\\n  '),
    ],
    verify,
    rollback: [`helm rollback ${release} --namespace ${ns} --wait --timeout ${timeout}`],
  };
}
