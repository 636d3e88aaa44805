/**
 * @opspilot/observe — metrics, logs, traces and alerts sources (Prometheus, Alertmanager, Loki, Tempo, the OTLP
 * receiver, the built-in sampler) and their federation across clusters. Each adapter implements a port of
 * `@opspilot/core`; the server and the CLI choose one by configuration.
 */
export const OBSERVE_PACKAGE = '@opspilot/observe';
