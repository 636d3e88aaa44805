import type { ConfigValueKind } from './configKeys.js';

const TRUE = new Set(['true', '1', 'yes', 'on']);
const FALSE = new Set(['false', '0', 'no', 'off']);

/**
 * Turns an environment string into the type its key expects, so `OPSPILOT_SERVER_PORT=9090` validates as a number.
 * A string that does not look like the expected type is returned unchanged, so the schema reports it with its
 * original spelling (`server.port = "eighty"`).
 */
export function coerceEnvValue(raw: string, kind: ConfigValueKind): unknown {
  const trimmed = raw.trim();
  if (kind === 'number') return /^[+-]?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : raw;
  if (kind === 'boolean') {
    const lower = trimmed.toLowerCase();
    if (TRUE.has(lower)) return true;
    if (FALSE.has(lower)) return false;
  }
  return raw;
}
