import { createHash } from 'node:crypto';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';

const TLS_KEYS = ['ca', 'cert', 'key', 'pfx', 'passphrase', 'rejectUnauthorized', 'servername'] as const;

/**
 * Keep-alive agents shared across requests. client-node 1.4 builds a fresh agent for every request, so each one
 * pays a new TCP and TLS handshake; this swaps it for one long-lived agent per distinct TLS setting (CA, client
 * certificate, verification), which keeps connections open between calls. Proxy agents are left alone. Idle
 * sockets do not keep the process alive.
 */
export class KeepAliveAgents {
  private readonly agents = new Map<string, HttpAgent>();

  /** The shared agent standing in for `agent`, or `agent` itself when it is not a plain HTTP(S) agent. */
  reuse(agent: unknown): unknown {
    if (!(agent instanceof HttpAgent) || (agent.constructor !== HttpAgent && agent.constructor !== HttpsAgent)) {
      return agent;
    }
    const secure = agent instanceof HttpsAgent;
    const options = (agent as HttpAgent & { options?: Record<string, unknown> }).options ?? {};
    const key = secure ? fingerprint(options) : 'http';
    let shared = this.agents.get(key);
    if (!shared) {
      const settings = Object.fromEntries(TLS_KEYS.map((k) => [k, options[k]]).filter(([, v]) => v !== undefined));
      shared = secure ? new HttpsAgent({ ...settings, keepAlive: true }) : new HttpAgent({ keepAlive: true });
      this.agents.set(key, shared);
    }
    return shared;
  }

  /** Closes every kept connection. */
  destroy(): void {
    for (const agent of this.agents.values()) agent.destroy();
    this.agents.clear();
  }
}

function fingerprint(options: Record<string, unknown>): string {
  const hash = createHash('sha256');
  for (const key of TLS_KEYS) {
    const value = options[key];
    hash.update(`${key}=`);
    if (Buffer.isBuffer(value) || typeof value === 'string') hash.update(value);
    else hash.update(JSON.stringify(value ?? null));
    hash.update('\n');
  }
  return hash.digest('hex');
}
