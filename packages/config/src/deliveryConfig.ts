import { z } from 'zod';

const PATHS = 'expected a list of repository folders (a comma-separated string in the environment)';

/**
 * `delivery:` — the git repositories whose release notes the server may read (`delivery.releaseNotes`, the web's
 * Delivery page): folders on the server's disk, named by their last path segment. In the environment
 * `OPSPILOT_DELIVERY_REPOSITORIES` (comma-separated). None by default: the server reads no repository it was not
 * given.
 */
export const deliverySection = z
  .strictObject(
    {
      repositories: z
        .preprocess(
          (v) =>
            typeof v === 'string'
              ? v
                  .split(',')
                  .map((s) => s.trim())
                  .filter(Boolean)
              : v,
          z.array(z.string().min(1), { error: PATHS }),
        )
        .default([]),
    },
    { error: 'expected a mapping of keys' },
  )
  .prefault({});
