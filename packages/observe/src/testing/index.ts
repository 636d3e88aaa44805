/** Test helpers of @opspilot/observe: the real Alertmanager (and other daemons) started on free loopback ports. */
export { alertmanagerConfig, startAlertmanager, type TestWebhook } from './startAlertmanager.js';
export { freePort, type RunningDaemon, startDaemon } from './startDaemon.js';
export {
  prometheusConfig,
  type ScrapeTarget,
  SHIPPED_RULES,
  startPrometheus,
  type TestPrometheusOptions,
} from './startPrometheus.js';
