import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { InputError } from '../errors/index.js';
import { defineConnector } from './connector.js';

const prometheus = defineConnector({
  id: 'prometheus',
  config: z.object({ url: z.url() }),
  checkScopes: async (config: { url: string }) => ({
    query: true as const,
    rules: config.url.startsWith('https:') ? (true as const) : 'rules need https',
  }),
});

describe('defineConnector', () => {
  it('keeps a well-formed connector whose scope check sees the configuration', async () => {
    expect(await prometheus.checkScopes({ url: 'http://prom:9090' })).toEqual({
      query: true,
      rules: 'rules need https',
    });
  });

  it('refuses a malformed id, a config that is not a zod schema or a missing scope check', () => {
    expect(() => defineConnector({ ...prometheus, id: 'Prometheus' })).toThrow(InputError);
    expect(() => defineConnector({ ...prometheus, config: {} as z.ZodType })).toThrow(/config: must be a zod schema/);
    expect(() => defineConnector({ ...prometheus, checkScopes: undefined as never })).toThrow(/checkScopes/);
  });
});
