import { validateFiles } from '@opspilot/manifests';
import { z } from 'zod';
import { defineChatTool } from '../chatTool.js';

const ValidateInput = z.object({
  files: z
    .array(z.object({ path: z.string().min(1).max(500), content: z.string().max(500_000) }))
    .min(1)
    .max(50)
    .describe('files to check: Kubernetes YAML (path ending .yaml) or a Dockerfile'),
});

/** `validate`: schema, best-practice and security checks of manifests and Dockerfiles. */
export const validateTool = defineChatTool({
  name: 'validate',
  description:
    'Validate Kubernetes manifests or Dockerfiles: YAML, Kubernetes schema, best-practice and security policies. Returns whether they are valid and each finding.',
  input: ValidateInput,
  output: z.object({ valid: z.boolean(), findings: z.array(z.unknown()) }),
  effect: 'read',
  untrusted: false,
  run: async (_ctx, input) => {
    const report = await validateFiles(input.files);
    return { ok: true, value: { valid: report.valid, findings: report.findings.slice(0, 100) } };
  },
});
