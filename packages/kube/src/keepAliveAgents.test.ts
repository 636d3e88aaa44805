import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { afterEach, describe, expect, it } from 'vitest';
import { KeepAliveAgents } from './keepAliveAgents.js';

const agents = new KeepAliveAgents();
afterEach(() => agents.destroy());

describe('KeepAliveAgents', () => {
  it('gives one kept-alive agent per TLS setting', () => {
    const first = agents.reuse(new HttpsAgent({ ca: 'CA-1', rejectUnauthorized: true })) as HttpsAgent;
    const again = agents.reuse(new HttpsAgent({ ca: 'CA-1', rejectUnauthorized: true }));
    const otherCa = agents.reuse(new HttpsAgent({ ca: 'CA-2', rejectUnauthorized: true }));
    const skipVerify = agents.reuse(new HttpsAgent({ ca: 'CA-1', rejectUnauthorized: false })) as HttpsAgent;
    expect(again).toBe(first);
    expect(otherCa).not.toBe(first);
    expect(skipVerify).not.toBe(first);
    expect(first).toBeInstanceOf(HttpsAgent);
    expect((first as HttpsAgent & { keepAlive: boolean }).keepAlive).toBe(true);
    expect((first as HttpsAgent & { options: { ca?: string } }).options.ca).toBe('CA-1');
    expect((skipVerify as HttpsAgent & { options: { rejectUnauthorized?: boolean } }).options.rejectUnauthorized).toBe(
      false,
    );
  });

  it('shares one plain HTTP agent and leaves anything else alone', () => {
    const http = agents.reuse(new HttpAgent());
    expect(agents.reuse(new HttpAgent())).toBe(http);
    expect(http).not.toBeInstanceOf(HttpsAgent);
    class ProxyAgent extends HttpAgent {}
    const proxy = new ProxyAgent();
    expect(agents.reuse(proxy)).toBe(proxy);
    expect(agents.reuse(undefined)).toBeUndefined();
  });
});
