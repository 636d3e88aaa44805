import { z } from 'zod';
import { Timestamp } from '../common.js';
import { CiProvider } from './ciRun.js';

const deliveryFields = {
  /** `<provider>:<delivery id>` (`X-GitHub-Delivery`, GitLab's `X-Gitlab-Event-UUID`): a second delivery conflicts. */
  id: z.string().min(1).max(300),
  provider: CiProvider,
  event: z.string().min(1).max(100),
  run_id: z.string().optional(),
};

/** One webhook delivery accepted (migration 0021 `webhook_deliveries`), kept so a redelivery is recognised. */
export const WebhookDelivery = z.object({ ...deliveryFields, created_at: Timestamp });
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;
export const NewWebhookDelivery = z.object(deliveryFields);
export type NewWebhookDelivery = z.input<typeof NewWebhookDelivery>;
