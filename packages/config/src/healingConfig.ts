import { z } from 'zod';

const seconds = (max: number) =>
  z.coerce
    .number({ error: 'expected a number of seconds' })
    .int({ error: 'expected a whole number of seconds' })
    .min(0, { error: 'expected 0 or more seconds' })
    .max(max, { error: `expected at most ${max} seconds` });

/**
 * `healing:` — how an applied fix is verified (see docs/self-healing.md): the fixed object must be healthy within
 * `verify_timeout_seconds`, then stay healthy with no container restarting for `settle_seconds`; otherwise the fix
 * is rolled back. In the environment `OPSPILOT_HEALING_SETTLE_SECONDS` and `OPSPILOT_HEALING_VERIFY_TIMEOUT_SECONDS`.
 */
export const healingSection = z
  .strictObject(
    {
      settle_seconds: seconds(3600).default(60),
      verify_timeout_seconds: seconds(3600).default(180),
    },
    { error: 'expected a mapping of keys' },
  )
  .prefault({});
