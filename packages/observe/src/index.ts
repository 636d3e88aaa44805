/**
 * @opspilot/observe — metrics, logs, traces and alerts sources (Prometheus, Alertmanager, Loki, Tempo, the OTLP
 * receiver, the built-in sampler) and their federation across clusters. Each adapter implements a port of
 * `@opspilot/core`; the server and the CLI choose one by configuration.
 */
export const OBSERVE_PACKAGE = '@opspilot/observe';
export { createAlertmanagerAlertSource, fromAlertmanager } from './alertmanager/alertmanagerAlertSource.js';
export {
  type AlertmanagerAlertQuery,
  type AlertmanagerClient,
  createAlertmanagerClient,
} from './alertmanager/alertmanagerClient.js';
export {
  AlertmanagerStatus,
  GettableAlert,
  GettableSilence,
  type PostableAlert,
  PostableSilence,
  SilenceMatcher,
} from './alertmanager/alertmanagerSchemas.js';
export { parseMatchers } from './alertmanager/parseMatchers.js';
export { type AlertFiring, type AlertTransition, alertFirings } from './alerts/alertFirings.js';
export { AlertQuery, matchesAlert, parseLabelPairs } from './alerts/alertQuery.js';
export { fetchJson, type HttpEndpoint, type JsonRequest } from './http/fetchJson.js';
export { type FollowOptions, followKubeLogs } from './logs/followKubeLogs.js';
export {
  createKubeLogSource,
  type KubeLogLimits,
  type KubeLogSource,
  type LogCluster,
  splitTimestamp,
} from './logs/kubeLogSource.js';
export { LogAnswer, LogClusterStatus } from './logs/logAnswer.js';
export { compileLogMatcher, kubeSelectorOf, type LogMatcher } from './logs/logMatcher.js';
export { type LabelMatcher, type LineFilter, LOGQL_SUBSET, type LogSelector, parseLogql } from './logs/logqlSubset.js';
export { createLokiClient, type LokiClient, type LokiEndpoint, type LokiRangeQuery } from './loki/lokiClient.js';
export { createLokiLogSource } from './loki/lokiLogSource.js';
export { CAPACITY_NAMED_QUERIES, type CapacityNamedQuery } from './metrics/capacityNamedQueries.js';
export { type ClusterAnswer, type FederatedAnswer, fanOut, mergeSeries, overallStatus } from './metrics/fanOut.js';
export {
  createFederatedMetrics,
  type FederatedMetrics,
  type FederatedMetricsOptions,
  type MetricRequest,
  type MetricsAnswer,
  type MetricsCluster,
} from './metrics/federatedMetrics.js';
export { checkWindow, DEFAULT_METRIC_LIMITS, type MetricLimits, type MetricWindow } from './metrics/metricLimits.js';
export { createMetricsSampler, type MetricsSampler, type SamplerSources } from './metrics/metricsSampler.js';
export {
  type MetricUnit,
  NAMED_QUERIES,
  type NamedQuery,
  NamedQueryParams,
  namedQuery,
} from './metrics/namedQueries.js';
export { parseExposition } from './metrics/parseExposition.js';
export {
  decodeOtlpTraces,
  ExportTraceServiceRequest,
  type IdEncoding,
  type OtlpEncoding,
} from './otlp/decodeOtlpTraces.js';
export { encodeOtlpTraces } from './otlp/encodeOtlpTraces.js';
export { decodeRpcStatus, ExportTraceServiceResponseType, encodeRpcStatus } from './otlp/otlpProto.js';
export { isAnsweredSeries } from './prometheus/isAnsweredSeries.js';
export {
  createPrometheusClient,
  type PrometheusAuth,
  type PrometheusClient,
  type PrometheusClientOptions,
} from './prometheus/prometheusClient.js';
export { stringifyAnswer } from './prometheus/stringifyAnswer.js';
export { createTempoClient, type TempoClient, type TempoEndpoint, type TempoSearch } from './tempo/tempoClient.js';
export { createTempoTraceSource } from './tempo/tempoTraceSource.js';
export { traceqlOf } from './tempo/traceqlOf.js';
