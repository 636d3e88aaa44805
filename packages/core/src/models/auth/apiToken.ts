import { z } from 'zod';
import { Timestamp, Uuid } from '../common.js';

/** Every API token starts with this, so secret scanners and people recognise one (`ops_` + 43 base64url chars). */
export const API_TOKEN_PREFIX = 'ops_';

/**
 * An API token as listed: its secret is shown once at creation and only its SHA-256 is stored; `prefix` (the first
 * characters) lets a user tell tokens apart. A revoked or expired token stops working at once.
 */
export const ApiToken = z.object({
  id: Uuid,
  user_id: Uuid,
  name: z.string().min(1).max(100),
  prefix: z.string().min(1),
  created_at: Timestamp,
  last_used_at: Timestamp.optional(),
  expires_at: Timestamp.optional(),
  revoked_at: Timestamp.optional(),
});
export type ApiToken = z.infer<typeof ApiToken>;
