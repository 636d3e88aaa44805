import { createColors } from 'picocolors';
import type { OutputStream } from './cliIo.js';

/** The colour functions of picocolors, no-ops when colour is off. */
export type Colors = ReturnType<typeof createColors>;

/**
 * Colours for one stream: on only when it is a terminal, `NO_COLOR` is unset or empty (https://no-color.org) and
 * `--no-color` was not given.
 */
export function cliColors(stream: OutputStream, env: Record<string, string | undefined>, wanted = true): Colors {
  return createColors(wanted && stream.isTTY === true && !env.NO_COLOR);
}
