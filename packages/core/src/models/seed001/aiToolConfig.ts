import { z } from 'zod';
import { JsonObject, Uuid } from '../common.js';
import { AiCommandType } from '../seed000/aiCommand.js';

/**
 * How an AI tool is invoked against a cluster (seed 001 "AI Tool Configurations"): parameters, target,
 * recommendations and analysis results. Seed 001 requires commands to be PowerShell-compatible.
 */
export const AiToolConfig = z.object({
  id: Uuid,
  tool: AiCommandType,
  parameters: JsonObject.default({}),
  target: z
    .object({ cluster_id: Uuid.optional(), context: z.string().optional(), namespace: z.string().optional() })
    .default({}),
  recommendations: z.array(z.string()).default([]),
  analysis_results: z.array(JsonObject).default([]),
  powershell_compatible: z.boolean().default(true),
});
export type AiToolConfig = z.infer<typeof AiToolConfig>;

/** The caller-supplied part of an {@link AiToolConfig}. */
export const NewAiToolConfig = AiToolConfig.omit({ id: true });
export type NewAiToolConfig = z.input<typeof NewAiToolConfig>;
