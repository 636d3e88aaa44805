import { writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { type Clock, InputError, systemClock } from '@opspilot/core';
import { AnomalySchedule } from './behaviour/anomalySchedule.js';
import { behaviourHooks } from './behaviour/behaviourHooks.js';
import { ControllerManager } from './controllers/controllerManager.js';
import { type ImageDeclaration, imageRegistryOf } from './controllers/imageRegistry.js';
import type { ControllerFailure } from './controllers/reconcileGuard.js';
import { loadScenario } from './loadScenario.js';
import { seedCluster } from './seedCluster.js';
import type { StreamLimits } from './server/apiContext.js';
import { generateServingCertificate } from './server/certificate.js';
import { buildKubeconfig } from './server/kubeconfig.js';
import { SimApi } from './server/simApi.js';
import type { ObjectStore } from './store/objectStore.js';
import { createTraceEmitter, type TraceEmitter, type TraceEmitterOptions } from './traces/traceEmitter.js';

/**
 * Options of {@link startSimCluster}.
 * @see https://kubernetes.io/docs/concepts/configuration/organize-cluster-access-kubeconfig/
 */
export interface SimClusterOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  host?: string;
  /** HTTPS with a generated certificate (default) or plain HTTP with `insecure-skip-tls-verify`. */
  tls?: boolean;
  /** The clock the cluster runs on: real time by default; tests pass a ManualClock. */
  clock?: Clock;
  /** Number of worker nodes (default 3). */
  nodes?: number;
  /** Also write the kubeconfig to this file. */
  kubeconfigPath?: string;
  /**
   * Image repositories and tags to declare besides the built-in catalogue (private registries, tags that must not
   * exist); scenarios can declare more with `kind: Image` documents.
   */
  images?: ImageDeclaration[];
  /** A scenario to load at start: `demo`, `broken`, `gpu` or the path of a YAML file. */
  scenario?: string;
  /** Run the controllers and behaviour model (default true); false gives a bare API server. */
  controllers?: boolean;
  /** Change events kept for watches resuming from a resourceVersion (default 5000); older ones get 410 Expired. */
  historyLimit?: number;
  /** Limits of long-running responses: followed logs, log polling and bookmark intervals. */
  limits?: Partial<StreamLimits>;
  /**
   * Serve requests without credentials, as the admin (`--insecure-anonymous`). Off by default: every request but
   * `/healthz`, `/readyz` and `/livez` needs the kubeconfig's token (or a service account's) or gets 401.
   */
  insecureAnonymous?: boolean;
  /** Where controller errors go (besides a Warning Event on the object); one JSON line on stderr by default. */
  onControllerError?: (failure: ControllerFailure) => void;
  /** Send the demo applications' traces (OTLP/HTTP JSON) to this endpoint on the cluster's clock; off when missing. */
  traces?: TraceEmitterOptions;
}

/**
 * A running simulated cluster.
 * @see https://kubernetes.io/docs/concepts/configuration/organize-cluster-access-kubeconfig/
 */
export interface SimCluster {
  url: string;
  /** A kubeconfig (YAML) for it, trusting its CA and carrying {@link SimCluster.token}. */
  kubeconfig: string;
  /** The admin's bearer token, generated at random on every start (`Authorization: Bearer <token>`). */
  token: string;
  kubeconfigPath?: string;
  clock: Clock;
  /** The anomalies scheduled by the scenario (add more with `anomalies.add(anomaly, clock.now())`). */
  anomalies: AnomalySchedule;
  store: ObjectStore;
  api: SimApi;
  controllers?: ControllerManager;
  /** The applications' trace exporter, when `traces` was given. */
  traces?: TraceEmitter;
  stop(): Promise<void>;
}

/**
 * Starts the simulated Kubernetes API server in-process, listening on 127.0.0.1 by default: seeds it like a kind
 * cluster, loads the scenario, listens (HTTPS with a certificate generated now, unless `tls: false`), then starts
 * the controllers. Requests need the bearer token generated now (in the kubeconfig and `token`) unless
 * `insecureAnonymous`. A scenario that does not load or a port that is taken is an InputError.
 * @example
 * const sim = await startSimCluster();
 * // kubectl --kubeconfig <(echo "$sim.kubeconfig") get pods -A
 * await sim.stop();
 * @see https://kubernetes.io/docs/concepts/configuration/organize-cluster-access-kubeconfig/
 */
export async function startSimCluster(options: SimClusterOptions = {}): Promise<SimCluster> {
  const host = options.host ?? '127.0.0.1';
  const clock = options.clock ?? systemClock;
  const tls = options.tls ?? true;
  const api = new SimApi({
    now: () => clock.now(),
    historyLimit: options.historyLimit,
    limits: options.limits,
    insecureAnonymous: options.insecureAnonymous,
  });
  seedCluster(api, options.nodes ?? 3);
  const anomalies = new AnomalySchedule();
  api.hooks = behaviourHooks(api.store, api.registry, clock, anomalies);
  for (const image of options.images ?? []) imageRegistryOf(api.store).declare(image);
  if (options.scenario) loadScenario(api, options.scenario, { anomalies });
  const handler = (req: Parameters<SimApi['handle']>[0], res: Parameters<SimApi['handle']>[1]) =>
    void api.handle(req, res);
  let server: Server;
  let caPem: string | undefined;
  if (tls) {
    const certificate = await generateServingCertificate(host);
    caPem = certificate.cert;
    server = createHttpsServer({ cert: certificate.cert, key: certificate.key }, handler);
  } else server = createHttpServer(handler);
  server.keepAliveTimeout = 5_000;
  // exec, attach and port-forward arrive as WebSocket (or SPDY) upgrade requests.
  server.on('upgrade', (req, socket, head) => api.handleUpgrade(req, socket, head));
  // Every socket, including TLS ones still in their handshake (which closeAllConnections does not know of), so that
  // stop() never waits for a client that reconnected while the cluster was stopping.
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new InputError(
          `the simulated cluster cannot listen on ${host}:${options.port ?? 0} (${error.code ?? error.message})`,
          {
            hint: 'choose another port (0 picks a free one) or stop what is using it',
            cause: error,
          },
        ),
      ),
    );
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const controllers =
    options.controllers === false
      ? undefined
      : new ControllerManager(api.store, api.registry, clock, () => api.hooks, options.onControllerError);
  controllers?.start();
  const traces = options.traces
    ? createTraceEmitter({ store: api.store, registry: api.registry, anomalies, clock }, options.traces)
    : undefined;
  traces?.start();
  const { port } = server.address() as AddressInfo;
  const url = `${tls ? 'https' : 'http'}://${host}:${port}`;
  const kubeconfig = buildKubeconfig({ server: url, caPem, token: api.adminToken });
  if (options.kubeconfigPath) writeFileSync(options.kubeconfigPath, kubeconfig, { mode: 0o600 });
  return {
    url,
    kubeconfig,
    token: api.adminToken,
    kubeconfigPath: options.kubeconfigPath,
    clock,
    anomalies,
    store: api.store,
    api,
    controllers,
    traces,
    stop: () =>
      new Promise<void>((resolve) => {
        traces?.stop();
        controllers?.stop();
        api.closeWatches();
        server.close(() => resolve());
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      }),
  };
}
