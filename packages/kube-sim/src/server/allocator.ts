import type { Allocator } from '../api/applyDefaults.js';
import type { ResourceRegistry } from '../api/resourceRegistry.js';
import type { KubeObject } from '../store/kubeObject.js';
import type { ObjectStore } from '../store/objectStore.js';

type Json = Record<string, unknown>;

/** 10.96.0.0/12 as a number range: 10.96.0.0 – 10.111.255.255. */
const FIRST_IP = (10 << 24) | (96 << 16);
const IP_COUNT = 1 << 20;
const toIp = (n: number) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');

/**
 * Hands out service cluster IPs from 10.96.0.0/12 (10.96.0.1 is the `kubernetes` service's, 10.96.0.10 DNS's, as in
 * kind) and node ports from 30000-32767, skipping those already taken by stored services.
 * @see https://kubernetes.io/docs/concepts/services-networking/cluster-ip-allocation/
 */
export function createAllocator(store: ObjectStore, registry: ResourceRegistry): Allocator {
  let nextIp = 11;
  let nextPort = 30000;
  const services = (): KubeObject[] => {
    const type = registry.find('', 'v1', 'services');
    return type ? store.list(type).items : [];
  };
  return {
    clusterIp() {
      const taken = new Set(services().map((s) => (s.spec as Json | undefined)?.clusterIP));
      for (let i = 0; i < IP_COUNT; i++) {
        const ip = toIp(FIRST_IP + ((nextIp - 1 + i) % (IP_COUNT - 2)) + 1);
        if (!taken.has(ip) && ip !== '10.96.0.1' && ip !== '10.96.0.10') {
          nextIp = nextIp + i + 1;
          return ip;
        }
      }
      return toIp(FIRST_IP + 1);
    },
    nodePort() {
      const taken = new Set(
        services().flatMap((s) =>
          (((s.spec as Json | undefined)?.ports as Json[] | undefined) ?? []).map((p) => p.nodePort),
        ),
      );
      for (let i = 0; i < 2768; i++) {
        const port = 30000 + ((nextPort - 30000 + i) % 2768);
        if (!taken.has(port)) {
          nextPort = port + 1;
          return port;
        }
      }
      return 30000;
    },
  };
}
