import { z } from 'zod';
import { JsonObject, Uuid } from '../common.js';
import { Dns1123Label } from '../kubeNames.js';
import { AiCommandType } from '../seed000/aiCommand.js';

/** Which cluster, kubeconfig context and namespace an AI tool acts on (seed 001 "target cluster information"). */
export const AiToolTarget = z.object({
  cluster_id: Uuid.optional(),
  context: z.string().min(1).optional(),
  namespace: Dns1123Label.optional(),
});
export type AiToolTarget = z.infer<typeof AiToolTarget>;

/**
 * How an AI tool (kubectl-ai, Kagent, Gordon or the built-in planner) is invoked against a cluster (seed 001
 * "AI Tool Configurations"): its parameters and options, target, optimisation recommendations and analysis results.
 * Seed 001 requires AI tool commands to be PowerShell-compatible, hence `powershell_compatible` defaults to true.
 */
export const AiToolConfig = z.object({
  id: Uuid,
  tool: AiCommandType,
  parameters: JsonObject.default({}),
  target: AiToolTarget.default({}),
  recommendations: z.array(z.string().min(1)).default([]),
  analysis_results: z.array(JsonObject).default([]),
  powershell_compatible: z.boolean().default(true),
});
export type AiToolConfig = z.infer<typeof AiToolConfig>;

/** The caller-supplied part of an {@link AiToolConfig}; the store assigns the id. */
export const NewAiToolConfig = AiToolConfig.omit({ id: true });
export type NewAiToolConfig = z.input<typeof NewAiToolConfig>;
