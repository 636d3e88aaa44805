import { request as httpRequest } from 'node:http';
import { request as httpsRequest, type RequestOptions } from 'node:https';
import type { OpspilotConfig } from '@opspilot/config';
import { UpstreamError } from '@opspilot/core';
import {
  buildGpuNodes,
  DCGM_FIELDS,
  type DcgmField,
  type DcgmSamples,
  dcgmSamplesOf,
  type GpuNodeView,
} from '@opspilot/gpu';
import type { KubeClusterGateway } from '@opspilot/kube';
import { parseExposition } from '@opspilot/observe';
import { localMetrics } from './metricsLocal.js';

/** The one cluster's GPUs as `opspilot gpus` prints them (the API's per-cluster shape). */
export interface LocalGpus {
  cluster_name: string;
  status: 'SUCCESS' | 'PARTIAL' | 'ERROR';
  error?: string;
  metrics_source: 'PROMETHEUS' | 'DCGM_ENDPOINT';
  nodes: GpuNodeView[];
}

/** Where dcgm-exporter answers through the API server when the GPU operator installed it (its default Service). */
export const GPU_OPERATOR_DCGM_PATH =
  '/api/v1/namespaces/gpu-operator/services/nvidia-dcgm-exporter:9400/proxy/metrics';

/** GETs a path of the cluster's API server with the kubeconfig's credentials and CA (a scrape through the server). */
export function getThroughApiServer(gateway: KubeClusterGateway, path: string, timeoutMs = 10_000): Promise<string> {
  const url = new URL(path, gateway.config.server);
  const options: RequestOptions = { method: 'GET', headers: {}, timeout: timeoutMs };
  return gateway.config.kubeConfig.applyToHTTPSOptions(options).then(
    () =>
      new Promise<string>((resolve, reject) => {
        const fail = (message: string, status?: number) =>
          reject(
            new UpstreamError(`${url.href}: ${message}`, {
              source: 'dcgm-exporter',
              ...(status ? { status } : {}),
              retryable: status === undefined || status >= 500,
              hint: 'check that dcgm-exporter runs (GPU operator) or pass --dcgm-path, or set prometheus.url',
            }),
          );
        const req = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, options, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            body += chunk;
          });
          res.on('end', () =>
            res.statusCode === 200 ? resolve(body) : fail(`HTTP ${res.statusCode}`, res.statusCode),
          );
        });
        req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
        req.on('error', (error) => fail(error.message));
        req.end();
      }),
  );
}

/**
 * The GPUs of the cluster the CLI talks to: nodes and pods through the gateway, readings from `prometheus.url`'s
 * dcgm-exporter series when configured, else one scrape of dcgm-exporter at `dcgmPath` of the API server (the
 * simulated cluster serves `/metrics/dcgm`; a GPU operator install answers through the service proxy).
 */
export async function localGpus(
  config: OpspilotConfig,
  io: { cwd: string; env: Record<string, string | undefined> },
  gateway: KubeClusterGateway,
  dcgmPath: string,
): Promise<LocalGpus> {
  const [nodes, pods] = await Promise.all([gateway.list('Node'), gateway.list('Pod')]);
  const cluster = { id: '00000000-0000-4000-8000-000000000000', name: gateway.config.cluster };
  let samples: DcgmSamples = {};
  let error: string | undefined;
  const source = config.prometheus.url ? 'PROMETHEUS' : 'DCGM_ENDPOINT';
  try {
    if (config.prometheus.url) {
      const metrics = await localMetrics(config, io);
      for (const field of Object.keys(DCGM_FIELDS) as DcgmField[]) {
        const result = (await metrics.named(DCGM_FIELDS[field].query, {}, { instant: true, timeout: 10 })).results[0];
        if (result?.status === 'ERROR' || result?.status === 'TIMEOUT') error ??= result.error;
        samples[field] = (result?.data ?? []).flatMap((s) => {
          const last = s.values.at(-1);
          return last ? [{ labels: s.metric, value: Number(last[1]) }] : [];
        });
      }
    } else if (
      nodes.some((n) => (n.status as { allocatable?: Record<string, string> })?.allocatable?.['nvidia.com/gpu'])
    ) {
      samples = dcgmSamplesOf(parseExposition(await getThroughApiServer(gateway, dcgmPath)));
    }
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  const built = buildGpuNodes({ cluster, nodes, pods, samples, now: new Date() });
  const status = error ? (built.some((n) => n.metrics === 'DCGM') ? 'PARTIAL' : 'ERROR') : 'SUCCESS';
  return {
    cluster_name: cluster.name,
    status,
    ...(error ? { error } : {}),
    metrics_source: source,
    nodes: built,
  };
}
