import { z } from 'zod';
import { OUTPUT_FORMATS } from './outputFormats.js';

export {
  ACCEPTED_OUTPUT_FORMATS,
  COMMAND_LINE_OUTPUT_FORMATS,
  OUTPUT_FORMATS,
  type OutputFormat,
  requestedFormat,
} from './outputFormats.js';

/**
 * The global options every command accepts, as parsed by commander: the specification that `globalOptionsOf`
 * checks by hand (at every start, without loading zod).
 */
export const GlobalOptions = z.object({
  output: z.enum(OUTPUT_FORMATS).default('text'),
  kubeconfig: z.string().min(1).optional(),
  context: z.string().min(1).optional(),
  namespace: z.string().min(1).optional(),
  config: z.string().min(1).optional(),
  color: z.boolean().default(true),
});

/** Validated global options. */
export type GlobalOptions = z.infer<typeof GlobalOptions>;
