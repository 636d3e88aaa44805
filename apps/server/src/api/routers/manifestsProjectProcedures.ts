import { Dns1123Label, GeneratedConfigState } from '@opspilot/core';
import {
  generateFromProject,
  listProjectServices,
  ProjectSummary,
  summarizeProject,
  ValidationReport,
  validateFiles,
} from '@opspilot/manifests';
import { storeGenerated } from '@opspilot/store';
import { z } from 'zod';
import { audit, procedureFor } from '../trpc.js';

/** The project's text files, as the CLI reads a folder (files in dependency and build folders are ignored). */
const ProjectFiles = z
  .array(z.object({ path: z.string().min(1).max(1024), content: z.string().max(1_000_000) }))
  .min(1)
  .max(5000);

const ProjectTarget = z.enum(['dockerfile', 'k8s', 'helm-chart']);

const ServiceNames = z
  .array(z.string().min(1).max(1024))
  .max(100)
  .optional()
  .describe('services to generate for, by name or folder; every service found when absent or empty');

/**
 * Generation from a project (a folder's files, uploaded): list its deployable services — one app, or the services
 * of a monorepo (npm/yarn/pnpm workspaces, go.work, Maven reactors, Gradle multi-project builds, compose, folders
 * with their own Dockerfile, each cmd/* program of a Go module) — and generate Dockerfiles, plain manifests or one
 * Helm chart for all of them or those chosen, validated with the project's own Dockerfiles, like
 * `opspilot generate … --from DIR --service NAME`. Computes only: nothing is applied; audited (`AUDIT_APPENDED`).
 */
export const manifestsProjectProcedures = {
  projectServices: procedureFor('VIEWER')
    .meta({
      openapi: {
        method: 'POST',
        path: '/manifests/project/services',
        tags: ['manifests'],
        protect: true,
        summary: "List a project's services",
      },
    })
    .input(z.object({ files: ProjectFiles, name: Dns1123Label.optional() }))
    .output(ProjectSummary)
    .mutation(({ input }) => {
      const listed = listProjectServices(input.files, { name: input.name });
      if (!listed.ok) throw listed.error;
      return listed.value;
    }),

  generateProject: procedureFor('OPERATOR')
    .meta({
      openapi: {
        method: 'POST',
        path: '/manifests/project/generate',
        tags: ['manifests'],
        protect: true,
        summary: 'Generate for services of a project',
      },
    })
    .input(
      z.object({
        files: ProjectFiles,
        target: ProjectTarget,
        services: ServiceNames,
        name: Dns1123Label.optional(),
        registry: z.string().min(1).max(255).optional(),
        host: z.string().min(1).max(253).optional(),
        namespace: Dns1123Label.optional(),
      }),
    )
    .output(
      z.object({
        target: ProjectTarget,
        project: ProjectSummary,
        files: z.array(z.object({ path: z.string(), content: z.string(), resource_type: z.string() })),
        validation: ValidationReport,
        own_dockerfiles: z
          .object({
            files: z.array(z.object({ path: z.string(), content: z.string() })),
            validation: ValidationReport,
          })
          .optional(),
        valid: z.boolean().describe("false when a generated file or a service's own Dockerfile has an ERROR"),
        stored: z
          .array(
            z.object({
              id: z.uuid(),
              revision: z.number().int(),
              path: z.string(),
              resource_type: z.string(),
              state: GeneratedConfigState,
              errors: z.number().int(),
              warnings: z.number().int(),
            }),
          )
          .describe(
            'the generated files stored as Generated Configurations for review: NEEDS_REVIEW, or REJECTED when validation found an error',
          ),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const generated = generateFromProject(input.target, input.files, {
        name: input.name,
        registry: input.registry,
        host: input.host,
        namespace: input.namespace,
        services: input.services,
      });
      if (!generated.ok) throw generated.error;
      const { project, files, existing } = generated.value;
      const settings = ctx.services.config.validate;
      const validation = await validateFiles(files, { settings });
      const own = existing.length > 0 ? await validateFiles(existing, { settings }) : undefined;
      const valid = validation.valid && (own?.valid ?? true);
      const chosen = project.apps.map((a) => a.name);
      const request = `generate ${input.target} --from <upload>${input.services?.length ? ` --service ${input.services.join(',')}` : ''}`;
      // The same review workflow as `opspilot generate`: each file GENERATED → VALIDATION → NEEDS_REVIEW (or
      // INVALID → REJECTED), every move audited with the caller, announced as the review path announces a move.
      const { store, bus, clock } = ctx.services;
      const stored = await storeGenerated(store, files, validation, { user: ctx.principal.user.id, prompt: request });
      for (const config of stored) {
        await bus.publish({
          event_type: 'PLAN_STATE_CHANGED',
          timestamp: clock.now().toISOString(),
          payload: { generated_config_id: config.id, from: 'GENERATED', to: config.state, path: config.path },
        });
      }
      await audit(ctx, {
        action: 'manifests.generate_project',
        ai_tool: 'opspilot',
        status: valid ? 'SUCCESS' : 'PARTIAL_SUCCESS',
        input_prompt: request,
        output_generated: files.map((f) => `# ${f.path}\n${f.content}`).join('\n'),
        details: {
          target: input.target,
          project: project.name,
          services: chosen,
          files: files.map((f) => f.path),
          errors: validation.summary.errors,
          generated_config_ids: stored.map((c) => c.id),
          ...(own ? { own_dockerfiles: existing.map((f) => f.path), own_errors: own.summary.errors } : {}),
        },
      });
      return {
        target: input.target,
        project: summarizeProject(project),
        files: files.map((f) => ({ path: f.path, content: f.content, resource_type: f.resourceType })),
        validation,
        ...(own
          ? { own_dockerfiles: { files: existing.map((f) => ({ path: f.path, content: f.content })), validation: own } }
          : {}),
        valid,
        stored,
      };
    }),
};
