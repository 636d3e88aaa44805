import type { InputError, Result } from '@opspilot/core';
import { ok } from '@opspilot/core';
import { z } from 'zod';
import { type DetectedProject, detectProject } from '../../detect/detectProject.js';
import type { ProjectFile } from '../../detect/projectFiles.js';
import { probeKind } from './appDefaults.js';

/** One service of a project as the CLI (`generate -o json`), the API and the web page show it (snake_case). */
export const ServiceSummary = z.object({
  name: z.string(),
  /** Folder relative to the project root, `''` for the root. */
  path: z.string(),
  framework: z.string(),
  stack: z.string(),
  runtime_version: z.string(),
  package_manager: z.string(),
  port: z.number().int(),
  /** How Kubernetes probes it: `http` (the health path), `grpc` (the gRPC health service) or `tcp`. */
  probe: z.enum(['http', 'grpc', 'tcp']),
  health_path: z.string().optional(),
  /** The port the probes use when it is not `port` (a Spring Boot management port). */
  probe_port: z.number().int().optional(),
  /** The service's own Dockerfile, used rather than generated. */
  dockerfile: z.string().optional(),
  /** Variables the code (or .env.example) reads: values entries, credentials as Secret keys. */
  env: z.array(z.string()),
  /** What the user should know about a choice made for the service. */
  notes: z.array(z.string()).optional(),
});
export type ServiceSummary = z.infer<typeof ServiceSummary>;

/** A detected project: its name, whether its services live in sub-folders, its services and notes. */
export const ProjectSummary = z.object({
  name: z.string(),
  monorepo: z.boolean(),
  apps: z.array(ServiceSummary),
  /** What the user should know about the project (compose services run from images …). */
  notes: z.array(z.string()).optional(),
});
export type ProjectSummary = z.infer<typeof ProjectSummary>;

/** The {@link ProjectSummary} of a detected project (every service it holds, or those chosen). */
export function summarizeProject(project: DetectedProject): ProjectSummary {
  return {
    name: project.name,
    monorepo: project.monorepo,
    apps: project.apps.map((a) => ({
      name: a.name,
      path: a.path,
      framework: a.framework,
      stack: a.stack,
      runtime_version: a.runtimeVersion,
      package_manager: a.packageManager,
      port: a.port,
      probe: probeKind(a),
      ...(a.healthPath ? { health_path: a.healthPath } : {}),
      ...(a.probePort ? { probe_port: a.probePort } : {}),
      ...(a.facts.dockerfile ? { dockerfile: a.facts.dockerfile } : {}),
      env: a.env,
      ...(a.notes?.length ? { notes: a.notes } : {}),
    })),
    ...(project.notes?.length ? { notes: project.notes } : {}),
  };
}

/**
 * The services of a project held in memory, before anything is generated: what a user chooses from (`--service`,
 * the API's `services`, the web page's checkboxes). InputError when nothing deployable is found.
 * @example
 * const r = listProjectServices(files, { name: 'shop' });
 * if (r.ok) for (const s of r.value.apps) console.log(s.name, s.path, s.port);
 */
export function listProjectServices(
  files: readonly ProjectFile[],
  options: { name?: string } = {},
): Result<ProjectSummary, InputError> {
  const detected = detectProject(files, options);
  return detected.ok ? ok(summarizeProject(detected.value)) : detected;
}
