import type { SpringConfig } from './springConfig.js';

/** Where a Spring Boot service listens and how Kubernetes can check it. */
export interface SpringEndpoints {
  port: number;
  /** The management (actuator) port when it differs from `port`: the probes go there. */
  managementPort?: number;
  /** The actuator's health endpoint; undefined when there is none to probe (the probes check the TCP port). */
  healthPath?: string;
  /** What the user should know about the choice (no actuator, a port only an inactive profile sets …). */
  notes: string[];
}

const PORT_KEYS = ['server.port', 'management.server.port'];

function joinUrl(...parts: (string | undefined)[]): string {
  const path = parts
    .filter((p): p is string => p !== undefined && p !== '')
    .map((p) => p.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/');
  return `/${path}`;
}

/**
 * The port, management port and health path of a Spring Boot service from its effective configuration:
 * `server.port` (default 8080); with the actuator, `management.server.port` (a separate port: probes and only probes
 * go there; `-1` turns the HTTP actuator off), `management.endpoints.web.base-path` (default `/actuator`), the
 * health path mapping and the servlet context path (which the actuator shares only on the main port). Without the
 * actuator, or with its health endpoint disabled or not exposed, the probes check the TCP port and a note says so.
 * @see https://docs.spring.io/spring-boot/reference/actuator/monitoring.html#actuator.monitoring.customizing-management-server-port
 */
export function springEndpoints(config: SpringConfig, actuator: boolean): SpringEndpoints {
  const notes: string[] = [];
  const declared = config.port('server.port');
  const port = declared === undefined || declared <= 0 ? 8080 : declared;
  if (declared === 0) notes.push('server.port is 0 (a random port): the container is given port 8080');
  for (const s of config.inactive(PORT_KEYS)) {
    notes.push(
      `${s.file} sets ${s.key}=${s.value} for profile "${s.profile}", which is not active by default: the ports and probes follow the active configuration`,
    );
  }
  if (!actuator) {
    notes.push(
      'no spring-boot-starter-actuator: the probes check the TCP port; add the actuator for HTTP health checks',
    );
    return { port, notes };
  }
  const management = config.port('management.server.port');
  if (management !== undefined && management < 0) {
    notes.push('management.server.port is -1 (the HTTP actuator is off): the probes check the TCP port');
    return { port, notes };
  }
  const healthOff =
    config.get('management.endpoint.health.enabled') === 'false' ||
    config.get('management.endpoint.health.access') === 'none' ||
    /(^|,)\s*(health|\*)\s*(,|$)/.test(config.get('management.endpoints.web.exposure.exclude') ?? '');
  const separate = management !== undefined && management > 0 && management !== port;
  if (healthOff) {
    notes.push('the actuator health endpoint is disabled or not exposed: the probes check the TCP port');
    return { port, ...(separate ? { managementPort: management } : {}), notes };
  }
  const prefix = separate
    ? (config.get('management.server.base-path') ?? config.get('management.server.servlet.context-path'))
    : (config.get('server.servlet.context-path') ?? config.get('spring.webflux.base-path'));
  const base = config.get('management.endpoints.web.base-path') ?? '/actuator';
  const health = config.get('management.endpoints.web.path-mapping.health') ?? 'health';
  if (separate) notes.push(`the actuator listens on management.server.port ${management}: the probes use that port`);
  return {
    port,
    ...(separate ? { managementPort: management } : {}),
    healthPath: joinUrl(prefix, base, health),
    notes,
  };
}
