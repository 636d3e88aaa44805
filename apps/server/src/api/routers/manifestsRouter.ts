import { generateManifest, ManifestKind, ValidationReport, validateFiles } from '@opspilot/manifests';
import { z } from 'zod';
import { audit, procedureFor, router } from '../trpc.js';
import { manifestsProjectProcedures } from './manifestsProjectProcedures.js';

const FileInput = z.object({ path: z.string().min(1).max(1024), content: z.string().max(5 * 1024 * 1024) });

/**
 * Configuration as code (`@opspilot/manifests`): validate Kubernetes YAML, Dockerfiles and Helm charts (schema,
 * best-practice and security rules), and generate a manifest from a short description. Both only compute: nothing
 * is applied; generated files go through review like any change. The project procedures list a project's services
 * and generate for all or some of them ({@link manifestsProjectProcedures}).
 */
export const manifestsRouter = router({
  ...manifestsProjectProcedures,
  validate: procedureFor('VIEWER')
    .meta({
      openapi: {
        method: 'POST',
        path: '/manifests/validate',
        tags: ['manifests'],
        protect: true,
        summary: 'Validate files',
      },
    })
    .input(z.object({ files: z.array(FileInput).min(1).max(200) }))
    .output(ValidationReport)
    .mutation(async ({ ctx, input }) => {
      const report = await validateFiles(input.files);
      await audit(ctx, {
        action: 'manifests.validate',
        ai_tool: 'opspilot',
        status: report.valid ? 'SUCCESS' : 'PARTIAL_SUCCESS',
        details: { files: input.files.map((f) => f.path), errors: report.summary.errors },
      });
      return report;
    }),

  generate: procedureFor('OPERATOR')
    .meta({
      openapi: {
        method: 'POST',
        path: '/manifests/generate',
        tags: ['manifests'],
        protect: true,
        summary: 'Generate a manifest',
      },
    })
    .input(z.object({ kind: ManifestKind, description: z.string().min(1).max(2_000) }))
    .output(
      z.object({
        kind: ManifestKind,
        files: z.array(z.object({ path: z.string(), content: z.string(), resourceType: z.string() })),
        issues: z.array(z.unknown()),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const generated = generateManifest(input.kind, input.description);
      if (!generated.ok) throw generated.error;
      const { kind, files, issues } = generated.value;
      await audit(ctx, {
        action: 'manifests.generate',
        ai_tool: 'opspilot',
        input_prompt: input.description,
        output_generated: files.map((f) => f.content).join('\n'),
        details: { kind, files: files.map((f) => f.path) },
      });
      return { kind, files, issues };
    }),
});
