import { z } from 'zod';
import { commaList } from './commaList.js';

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
      repositories: commaList(z.string().min(1), PATHS).default([]),
    },
    { error: 'expected a mapping of keys' },
  )
  .prefault({});
