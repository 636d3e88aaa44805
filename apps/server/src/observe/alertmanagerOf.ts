import { InputError } from '@opspilot/core';
import { type AlertmanagerClient, createAlertmanagerClient } from '@opspilot/observe';
import type { ApiServices } from '../api/apiServices.js';

const clients = new WeakMap<object, AlertmanagerClient>();

/**
 * The Alertmanager client of the server's `alertmanager:` settings (one per configuration), or an InputError saying
 * how to set it when `alertmanager.url` is not set.
 */
export function alertmanagerOf(services: Pick<ApiServices, 'config'>): AlertmanagerClient {
  const settings = services.config.alertmanager;
  if (!settings.url) {
    throw new InputError('no Alertmanager is configured', {
      hint: 'set alertmanager.url (OPSPILOT_ALERTMANAGER_URL), e.g. http://alertmanager:9093; stored alerts need none',
    });
  }
  let client = clients.get(settings);
  if (!client) {
    client = createAlertmanagerClient({
      url: settings.url,
      bearerToken: settings.bearer_token,
      timeoutMs: settings.timeout_ms,
    });
    clients.set(settings, client);
  }
  return client;
}
