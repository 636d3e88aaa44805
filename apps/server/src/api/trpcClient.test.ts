import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../testing/index.js';
import type { AppRouter } from './routers/appRouter.js';

describe('a typed tRPC client over HTTP', () => {
  let t: TestApi;
  let url: string;
  beforeAll(async () => {
    t = await startTestApi();
    url = await t.app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => t?.close());

  const client = (token: string) =>
    createTRPCClient<AppRouter>({
      links: [httpBatchLink({ url: `${url}/api/trpc`, headers: { authorization: `Bearer ${token}` } })],
    });

  it('batches queries and mutations with AppRouter types', async () => {
    const admin = client(t.users.admin.token);
    const [me, created] = await Promise.all([
      admin.users.me.query(),
      admin.clusters.register.mutate({ name: 'typed-1', api_server_url: 'https://10.0.0.3:6443' }),
    ]);
    expect(me.role).toBe('ADMIN');
    const page = await admin.clusters.list.query({ page: 1, page_size: 10 });
    expect(page.items.map((c) => c.id)).toContain(created.id);
  });

  it('surfaces the seed 003 error fields on TRPCClientError', async () => {
    const error = await client(t.users.viewer.token)
      .users.list.query({ page: 1, page_size: 10 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCClientError);
    expect((error as TRPCClientError<AppRouter>).data).toMatchObject({ httpStatus: 403, error_code: 'NOT_ALLOWED' });
  });
});
