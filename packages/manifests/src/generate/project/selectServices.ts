import { err, InputError, ok, type Result } from '@opspilot/core';
import type { DetectedProject } from '../../detect/detectProject.js';

/** The detected services, one per line, as the error listing them shows them. */
export function serviceList(project: DetectedProject): string {
  return project.apps
    .map(
      (a) =>
        `  ${a.name} (${a.path || '.'}: ${a.framework}, port ${a.port}${a.facts.dockerfile ? `, own ${a.facts.dockerfile}` : ''})`,
    )
    .join('\n');
}

/**
 * The project with only the services asked for, by name or by folder (`api`, `services/api`); every service when
 * none is asked for. InputError listing the services found when a name matches none.
 */
export function selectServices(
  project: DetectedProject,
  wanted: readonly string[] | undefined,
): Result<DetectedProject, InputError> {
  if (!wanted || wanted.length === 0) return ok(project);
  const norm = (s: string) => s.replace(/^\.\//, '').replace(/\/+$/, '');
  const unknown = wanted.filter((w) => !project.apps.some((a) => a.name === norm(w) || a.path === norm(w)));
  if (unknown.length > 0) {
    return err(
      new InputError(
        `no service ${unknown.map((u) => `"${u}"`).join(', ')} in the project; the services found are:\n${serviceList(project)}`,
        {
          hint: `choose one of ${project.apps.map((a) => a.name).join(', ')} by name or folder (--service NAME, repeated or comma-separated), e.g. --service ${project.apps[0]?.name}`,
          details: { unknown, services: project.apps.map((a) => ({ name: a.name, path: a.path })) },
        },
      ),
    );
  }
  const apps = project.apps.filter((a) => wanted.some((w) => a.name === norm(w) || a.path === norm(w)));
  return ok({ ...project, apps });
}
